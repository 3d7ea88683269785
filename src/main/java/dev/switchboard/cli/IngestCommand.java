package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.CallFormat;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.contact.ContactCounts;
import dev.switchboard.contact.ContactTopics;
import dev.switchboard.ingest.Receipt;
import dev.switchboard.ivr.IvrMediator;
import dev.switchboard.ivr.IvrTopics;
import dev.switchboard.mediation.Counts;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.platform.Settings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Push a file of records through the real pipeline and wait until every record is accounted",
                "for (clean, error or duplicate) and stored, then print in=… clean=… error=… duplicate=….",
                "Without --server it runs the platform embedded on the data folder, or uses the process that has it."})
final class IngestCommand implements Callable<Integer> {
    private static final int CHUNK_LINES = 20_000;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "the file to ingest")
    Path file;

    @Option(names = "--format", required = true, description = {"CDRs: cdr-json (NDJSON or a JSON array), cdr-csv (header optional) or asterisk-cdr (Master.csv);",
            "call-center events: call-json (NDJSON or a JSON array) or asterisk-queue-log (an Asterisk queue_log, read whole and in order);",
            "contact records: ctr-json (Amazon Connect CTR objects: one per line, pretty-printed, concatenated or a JSON array)",
            "IVR sessions: ivr-json (JSON objects, one per line or pretty-printed, or a JSON array)"})
    String format;

    @Option(names = "--server", paramLabel = "URL", description = "post to a running Switchboard, e.g. http://127.0.0.1:8080")
    String server;

    @Option(names = "--timeout", defaultValue = "30m", description = "give up waiting after this long; default ${DEFAULT-VALUE}")
    String timeout;

    @Override
    public Integer call() throws Exception {
        if (CdrFormat.byName(format).isEmpty() && CallFormat.byName(format).isEmpty() && !isContact() && !isIvr())
            throw new UserError("unknown --format '" + format + "' (use cdr-json, cdr-csv, asterisk-cdr, call-json, asterisk-queue-log ctr-json or ivr-json)");
        if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
        Duration limit = dev.switchboard.platform.SettingsSpec.parseDuration(timeout);
        Settings settings = common.settings(Map.of("roles", "ingest,stream,store"));
        String source = "file:" + file.getFileName() + "#" + UUID.randomUUID().toString().substring(0, 8);
        ProgressBar bar = ProgressBar.onTerminal();
        Optional<String> url = Optional.ofNullable(server);
        if (url.isEmpty()) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(settings.dataDir());
            if (lock.isPresent()) {
                try (InstanceLock held = lock.get()) {
                    return embedded(settings, source, bar, limit);
                }
            }
            url = Optional.of(InstanceLock.runningUrl(settings.dataDir()).orElseThrow(() -> new UserError(
                    "the data folder " + settings.dataDir() + " is in use by a process without a web server; use --server")));
        }
        return remote(new ServerClient(url.get()), source, bar, limit);
    }

    private int embedded(Settings settings, String source, ProgressBar bar, Duration limit) throws Exception {
        try (Switchboard sb = Switchboard.start(settings); InputStream in = Files.newInputStream(file)) {
            Receipt receipt = sb.ingest().orElseThrow().ingestFile(kind(), format, source, in);
            java.util.function.Supplier<Map<String, Counts>> accounting = isContact() ? sb.contactAccounting().orElseThrow()::countsBySource
                    : isIvr() ? sb.ivrAccounting().orElseThrow()::bySource
                    : isCall() ? sb.callAccounting().orElseThrow()::bySource : sb.cdrAccounting().orElseThrow()::bySource;
            printRejections(receipt.rejected(), receipt.rejections());
            Counts counts = Waiting.until(limit, () -> {
                Counts c = accounting.get().getOrDefault(source, Counts.ZERO);
                bar.show("mediating", c.accounted(), receipt.accepted());
                return c.in() >= receipt.accepted() && c.drained() ? c : null;
            });
            if (isContact()) // the new contacts' call events (ContactCalls), through the call pipeline too
                Waiting.untilSettled(limit, settings.commitInterval(), () -> sb.callAccounting().orElseThrow().bySource()
                        .getOrDefault(dev.switchboard.contact.ContactCalls.SOURCE_PREFIX + source, Counts.ZERO).drained());
            sb.storeProgress().awaitStored(limit, settings.commitInterval());
            bar.finish();
            System.out.println(isContact() ? summary(sb.contactAccounting().orElseThrow().bySource().get(source), receipt.rejected())
                    : summary(counts, receipt.rejected()));
            return 0;
        }
    }

    private int remote(ServerClient client, String source, ProgressBar bar, Duration limit) throws Exception {
        long accepted = 0;
        long rejected = 0;
        String contentType = format.endsWith("-json") ? "application/x-ndjson" : format.equals("asterisk-queue-log") ? "text/plain" : "text/csv";
        boolean whole = format.endsWith("-json") && startsWithBracket();
        if (isIvr() && !whole) {
            // Sessions may be pretty-printed over many lines: the file goes whole, framed by braces on the server.
            JsonNode r = client.post("/api/ingest/" + kind() + "?format=" + format + "&source=" + ServerClient.q(source),
                    contentType, Files.readAllBytes(file));
            return awaitRemote(client, source, bar, limit, r.path("accepted").asLong(), r.path("rejected").asLong());
        }
        if (whole || format.equals("asterisk-queue-log") || isContact()) {
            // A JSON array cannot be cut at line ends, nor a queue_log (its lines make sense together), nor pretty-printed or
            // concatenated contact records: it goes whole, within the server's body limit.
            JsonNode r = client.post("/api/ingest/" + kind() + "?format=" + format + "&source=" + ServerClient.q(source),
                    whole ? "application/json" : contentType, Files.readAllBytes(file));
            return awaitRemote(client, source, bar, limit, r.path("accepted").asLong(), r.path("rejected").asLong());
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = format.equals("cdr-csv") ? reader.readLine() : null;
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            int lines = 0;
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line != null) {
                    chunk.write(line.getBytes(StandardCharsets.UTF_8));
                    chunk.write('\n');
                    lines++;
                }
                if (lines > 0 && (line == null || lines == CHUNK_LINES)) {
                    byte[] body = header == null ? chunk.toByteArray() : withHeader(header, chunk.toByteArray());
                    JsonNode r = client.post("/api/ingest/" + kind() + "?format=" + ServerClient.q(format) + "&source=" + ServerClient.q(source), contentType, body);
                    accepted += r.path("accepted").asLong();
                    rejected += r.path("rejected").asLong();
                    r.path("rejections").forEach(x -> System.err.println("rejected at the edge: " + x.asText()));
                    bar.show("sending", accepted + rejected, accepted + rejected);
                    chunk.reset();
                    lines = 0;
                }
                if (line == null) break;
            }
        }
        return awaitRemote(client, source, bar, limit, accepted, rejected);
    }

    private boolean startsWithBracket() throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do c = in.read();
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[';
        }
    }

    private int awaitRemote(ServerClient client, String source, ProgressBar bar, Duration limit, long accepted, long rejected) throws Exception {
        long sent = accepted;
        JsonNode done = Waiting.until(limit, () -> {
            JsonNode s = client.get("/api/ingest/status?source=" + ServerClient.q(source) + "&sent=" + sent);
            bar.show("mediating", s.path(kind()).path("in").asLong(), sent);
            return s.path("accounted").asBoolean() ? s : null;
        });
        Waiting.untilSettled(limit, Duration.ofSeconds(1),
                () -> client.get("/api/ingest/status?source=" + ServerClient.q(source)).path("store_behind").asLong() == 0);
        bar.finish();
        JsonNode c = done.path(kind());
        if (isContact()) {
            System.out.println(summary(new ContactCounts(c.path("in").asLong(), c.path("new").asLong(), c.path("updated").asLong(),
                    c.path("replayed").asLong(), c.path("stale").asLong(), c.path("error").asLong()), rejected));
            return 0;
        }
        System.out.println(summary(new Counts(c.path("in").asLong(), c.path("clean").asLong(), c.path("error").asLong(),
                c.path("duplicate").asLong()), rejected));
        return 0;
    }

    private boolean isCall() {
        return CallFormat.byName(format).isPresent();
    }

    private boolean isContact() {
        return format.equals(ContactTopics.FORMAT);
    }

    private boolean isIvr() {
        return IvrMediator.FORMAT.equals(format);
    }

    private String kind() {
        if (isIvr()) return IvrTopics.KIND;
        return isContact() ? ContactTopics.KIND : isCall() ? CallTopics.KIND : CdrTopics.KIND;
    }

    private static byte[] withHeader(String header, byte[] rows) {
        byte[] h = (header + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + rows.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(rows, 0, out, h.length, rows.length);
        return out;
    }

    private static void printRejections(long rejected, java.util.List<String> first) {
        first.forEach(r -> System.err.println("rejected at the edge: " + r));
        if (rejected > first.size()) System.err.println("… and " + (rejected - first.size()) + " more rejected at the edge");
    }

    /** Counts (or a kind's own, as ContactCounts) and what the edge rejected. */
    static String summary(Object c, long rejectedAtEdge) {
        return c + (rejectedAtEdge > 0 ? " rejected=" + rejectedAtEdge : "");
    }
}
