package dev.switchboard.cli;

import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** {@code generate … --rate N}: records at a steady rate, in batches five times a second, to a writer or a running server. */
final class LiveFeed {
    private static final long TICK_MS = 200;
    private final CdrGenerator generator;
    private final CdrFormat format;
    private final double perSecond;
    private final long count;

    interface Batches {
        void send(List<String> lines) throws IOException;
    }

    LiveFeed(CdrGenerator generator, CdrFormat format, double perSecond, long count) {
        this.generator = generator;
        this.format = format;
        this.perSecond = perSecond;
        this.count = count;
    }

    static Batches toWriter(Writer w) {
        return lines -> {
            for (String line : lines) w.write(line + "\n");
            w.flush();
        };
    }

    static Batches toServer(ServerClient client, CdrFormat format) {
        String type = format == CdrFormat.CDR_CSV ? "text/csv" : "application/x-ndjson";
        String header = format == CdrFormat.CDR_CSV ? CdrGenerator.csvHeader() + "\n" : "";
        return lines -> client.post("/api/ingest/cdr?format=" + format.wireName() + "&source=generate-live", type,
                (header + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void run(Batches out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long sent = 0;
        while (sent < count) {
            long due = Math.min(count, (long) (perSecond * (System.nanoTime() - started) / 1e9) + 1);
            List<String> batch = new java.util.ArrayList<>();
            Instant now = Instant.now();
            while (sent + batch.size() < due) batch.add(generator.nextLiveLine(format, now));
            if (!batch.isEmpty()) {
                try {
                    out.send(batch);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                sent += batch.size();
            }
            Thread.sleep(TICK_MS);
        }
    }
}
