package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.GeneratedCounts;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.Database;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of CDR ingestion, end to end on a separate JVM ({@code switchboard serve}) killed with SIGKILL:
 * generated CDRs with errors and duplicates are posted in chunks over HTTP by a client that re-sends every chunk
 * whose 202 it did not get (at least once), while the process is killed three times (twice during the ingest, once
 * while the store sink catches up) and started again on the same data folder. Afterwards table {@code cdr} holds
 * every distinct clean record exactly once, table {@code cdr_error} every rejection counted, the counters reconcile
 * ({@code in = clean + error + duplicate}, {@code in} = the records in {@code cdr.raw}), and a chunk sent again
 * after the kills is all duplicates and errors: the de-duplication memory survived.
 *
 * <p>The number of CDRs is the system property {@code switchboard.crash.cdrs} (default {@value #DEFAULT_COUNT},
 * which fits this test's time budget on a 2-core machine); the million is
 * {@code mvn verify -Dit.test=CrashIT -Dswitchboard.crash.cdrs=1000000} (see docs/FAULTS.md).
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES) // a backstop for -Dswitchboard.crash.cdrs=1000000; every wait below has its own limit
class CrashIT {
    static final int DEFAULT_COUNT = 50_000;
    private static final int COUNT = Integer.getInteger("switchboard.crash.cdrs", DEFAULT_COUNT);
    private static final int CHUNK = 5_000;
    private static final String SOURCE = "crash";
    /** The longest wait of one phase: grows with the count (a loaded 2-core machine mediated and stored 700 to 2,000 CDRs a second). */
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(5).plusSeconds(COUNT / 1_000);

    @TempDir Path dir;
    private SwitchboardProcess process;
    private Thread senderThread;
    private final long t0 = System.nanoTime();

    @AfterEach
    void tearDown() throws InterruptedException {
        if (senderThread != null) {
            senderThread.interrupt();
            senderThread.join(10_000);
        }
        if (process != null) process.close();
    }

    @Test
    void killedThreeTimesWhileIngestingItKeepsEveryCleanRecordExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        int port = SwitchboardProcess.freePort();
        Expected expected = Expected.generate(COUNT, CHUNK);
        note("generated %d CDRs in %d chunks: %s", COUNT, expected.chunks.size(), expected.generated);
        assertThat(expected.cleanIds).as("ids of the new valid records").hasSize((int) expected.generated.valid());

        process = SwitchboardProcess.serve(data, port, dir.resolve("serve-0.log"));
        note("started pid %d", process.pid());
        HttpApi api = new HttpApi(process.address());
        ChunkSender sender = new ChunkSender(api, expected.chunks);
        senderThread = new Thread(sender, "chunk-sender");
        senderThread.start();

        // 1: in the middle of the ingest (a chunk is usually in flight: its 202 never comes, and the client sends it again).
        int quarter = expected.chunks.size() / 4;
        awaitTrue("chunk " + quarter + " acknowledged", () -> sender.acknowledged.get() >= quarter || sender.failure.get() != null);
        killAndRestart(data, port, 1, "chunks acknowledged " + sender.acknowledged.get() + "/" + expected.chunks.size() + ", counters " + cdrCounts(api));
        // 2: while mediation works through the backlog (and the client goes on sending), once it has taken a tenth of the CDRs more.
        long inAtStart = await("the counters answered", () -> cdrIn(api));
        awaitTrue("mediation under way", () -> cdrIn(api) >= inAtStart + COUNT / 10 || sender.failure.get() != null);
        killAndRestart(data, port, 2, "chunks acknowledged " + sender.acknowledged.get() + "/" + expected.chunks.size() + ", counters " + cdrCounts(api));
        // 3: once the client is done, while the store sink catches up (some rows stored, more to come).
        awaitTrue("every chunk acknowledged", () -> sender.done || sender.failure.get() != null);
        assertThat(sender.failure.get()).as("the client's failure").isNull();
        awaitTrue("the store sink under way", () -> api.queryLong("select count(*) from cdr") > 0);
        long behind = storeBehind(api);
        killAndRestart(data, port, 3, "all chunks acknowledged, store behind by " + behind + " records (-1: a transaction open), counters "
                + cdrCounts(api) + ", table cdr " + api.queryLong("select count(*) from cdr"));
        note("client: %d chunks sent, %d attempts failed (chunks re-sent: %s)", expected.chunks.size(), sender.failedAttempts.get(), sender.resent);

        String bootstrap = api.getOk("/health").path("kafka").asText();
        JsonNode cdr = awaitSettled(api, bootstrap);
        note("settled: %s", cdr);
        long in = cdr.path("in").asLong(), clean = cdr.path("clean").asLong(), error = cdr.path("error").asLong(), duplicate = cdr.path("duplicate").asLong();
        assertThat(in).as("in = clean + error + duplicate").isEqualTo(clean + error + duplicate);
        assertThat(clean).as("clean: each distinct valid record once").isEqualTo(expected.cleanIds.size());
        assertThat(in).as("in: every line at least once, at most the re-sent chunks again")
                .isBetween((long) COUNT, (long) COUNT + (long) sender.resent.size() * CHUNK);
        assertThat(error).as("errors: every defective line, again where re-sent").isGreaterThanOrEqualTo(expected.generated.errorCount());
        assertThat(duplicate).as("duplicates: every repeat, and re-sent valid lines").isGreaterThanOrEqualTo(expected.generated.duplicates());

        // The de-duplication memory survived three kills: the first chunk (stored before the first kill) again is all duplicates.
        byte[] first = expected.chunks.get(0);
        HttpApi.Answer replay = api.post("/api/ingest/cdr?source=replay", "application/x-ndjson", first);
        assertThat(replay.status()).as("replay answer %s", replay.body()).isEqualTo(202);
        JsonNode replayed = await("the replayed chunk accounted for", () -> {
            JsonNode c = api.getOk("/api/stats?source=replay").path("cdr");
            return c.path("in").asLong() == CHUNK && c.path("drained").asBoolean() ? c : null;
        });
        note("replayed chunk 0: %s", replayed);
        assertThat(replayed.path("clean").asLong()).as("records of the first chunk stored again").isZero();
        assertThat(replayed.path("error").asLong()).isEqualTo(expected.errorsInFirstChunk);
        assertThat(replayed.path("duplicate").asLong()).isEqualTo(CHUNK - expected.errorsInFirstChunk);
        long errorRows = error + expected.errorsInFirstChunk;
        awaitSettled(api, bootstrap);

        // 143: a JVM ended by SIGTERM exits so once its shutdown hook (which closes everything in order) has run.
        assertThat(process.stop(Duration.ofSeconds(90))).as("exit code of the clean stop").isEqualTo(143);
        process = null;
        try (Database db = Database.open(Settings.resolve(Map.of("data", data.toString()), Map.of()).jdbcUrl(), "", "");
             Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*), count(distinct id) from cdr")) {
                r.next();
                assertThat(List.of(r.getLong(1), r.getLong(2))).as("rows and distinct ids of table cdr")
                        .containsExactly((long) expected.cleanIds.size(), (long) expected.cleanIds.size());
            }
            Set<String> stored = new HashSet<>(expected.cleanIds.size() * 2);
            try (ResultSet r = s.executeQuery("select id from cdr")) {
                while (r.next()) stored.add(r.getString(1));
            }
            assertThat(stored.equals(expected.cleanIds)).as("the ids in table cdr are the distinct clean ids generated").isTrue();
            try (ResultSet r = s.executeQuery("select count(*) from cdr_error")) {
                r.next();
                assertThat(r.getLong(1)).as("rows of table cdr_error: one per rejection counted").isEqualTo(errorRows);
            }
        }
        note("table cdr and cdr_error checked; done");
    }

    private void killAndRestart(Path data, int port, int n, String when) {
        process.kill();
        note("kill -9 #%d (%s)", n, when);
        process = SwitchboardProcess.serve(data, port, dir.resolve("serve-" + n + ".log"));
        note("restarted #%d, pid %d", n, process.pid());
    }

    /**
     * Waits until mediation has read all of {@code cdr.raw} ({@code in} equals the records there), accounted for every one,
     * and the store has everything mediation wrote; the CDR counters then.
     */
    private JsonNode awaitSettled(HttpApi api, String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            AtomicReference<JsonNode> last = new AtomicReference<>();
            awaitTrue("everything in cdr.raw mediated and stored", () -> {
                JsonNode cdr = api.getOk("/api/stats").path("cdr");
                last.set(cdr);
                return cdr.path("drained").asBoolean() && cdr.path("in").asLong() == rawRecords(admin) && storeBehind(api) == 0;
            });
            Thread.sleep(1_500); // the store's progress must hold a moment (records counted may still sit in a producer's buffer)
            awaitTrue("the store caught up", () -> storeBehind(api) == 0);
            JsonNode cdr = api.getOk("/api/stats").path("cdr");
            assertThat(cdr).as("counters moved after settling").isEqualTo(last.get());
            return cdr;
        }
    }

    /** Records in {@code cdr.raw}: its end offsets summed (the ingest producer writes no transactions, so no markers). */
    private static long rawRecords(Admin admin) {
        try {
            var partitions = admin.describeTopics(List.of("cdr.raw")).allTopicNames().get(30, TimeUnit.SECONDS).get("cdr.raw").partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition("cdr.raw", p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of cdr.raw: " + e.getMessage(), e);
        }
    }

    private static long storeBehind(HttpApi api) {
        return api.getOk("/api/ingest/status?source=" + SOURCE).path("store_behind").asLong();
    }

    private static long cdrIn(HttpApi api) {
        return api.getOk("/api/stats").path("cdr").path("in").asLong();
    }

    private static String cdrCounts(HttpApi api) {
        HttpApi.Answer a = api.get("/api/stats");
        return a.is(200) ? a.body().path("cdr").toString() : "(no answer: " + a.status() + ")";
    }

    private void awaitTrue(String what, BooleanSupplier done) throws InterruptedException {
        await(what, () -> done.getAsBoolean() ? Boolean.TRUE : null);
    }

    private <T> T await(String what, java.util.function.Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                T v = value.get();
                if (v != null) return v;
            } catch (RuntimeException e) { // not ready yet after a start (503 while the streams restore their stores)
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("not reached within " + PHASE_LIMIT + ": " + what
                    + (lastFailure != null ? " (last failure: " + lastFailure + ")" : "")
                    + (process != null ? "\n" + SwitchboardProcess.tail(process.log()) : ""));
            Thread.sleep(200);
        }
    }

    private void note(String format, Object... args) {
        System.out.printf("CrashIT %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, String.format(format, args));
    }

    /**
     * The generated input as NDJSON chunks, and what mediation must make of it: the distinct clean ids. Each line is
     * classed by the generator's own counts as it is drawn (a new valid record, an exact repeat, or a defect).
     */
    record Expected(List<byte[]> chunks, GeneratedCounts generated, Set<String> cleanIds, long errorsInFirstChunk) {
        static Expected generate(int count, int chunkLines) {
            CdrWorkload workload = CdrWorkload.defaults().toBuilder().count(count).seed(7).errorRate(0.05).duplicateRate(0.02).build();
            CdrGenerator generator = new CdrGenerator(workload, SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, 7));
            List<byte[]> chunks = new ArrayList<>();
            Set<String> clean = new HashSet<>(count * 2);
            long errorsInFirst = 0;
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(chunkLines * 250);
            int inChunk = 0;
            GeneratedCounts before = generator.counts();
            for (int i = 0; i < count; i++) {
                String line = generator.nextLine(CdrFormat.CDR_JSON);
                GeneratedCounts after = generator.counts();
                if (after.valid() > before.valid()) clean.add(idOf(line));
                else if (after.errorCount() > before.errorCount() && chunks.isEmpty()) errorsInFirst++;
                before = after;
                chunk.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (++inChunk == chunkLines) {
                    chunks.add(chunk.toByteArray());
                    chunk.reset();
                    inChunk = 0;
                }
            }
            if (inChunk > 0) chunks.add(chunk.toByteArray());
            return new Expected(chunks, generator.counts(), clean, errorsInFirst);
        }

        private static String idOf(String line) {
            try {
                return Json.MAPPER.readTree(line).path("id").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A client that posts the chunks in order and sends a chunk again until it gets its 202 (at least once). */
    static final class ChunkSender implements Runnable {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final AtomicReference<String> failure = new AtomicReference<>();
        final Set<Integer> resent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile boolean done;
        private final HttpApi api;
        private final List<byte[]> chunks;

        ChunkSender(HttpApi api, List<byte[]> chunks) {
            this.api = api;
            this.chunks = chunks;
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + PHASE_LIMIT.multipliedBy(3).toNanos();
            try {
                for (int i = 0; i < chunks.size(); i++) {
                    while (true) {
                        HttpApi.Answer a = api.post("/api/ingest/cdr?source=" + SOURCE, "application/x-ndjson", chunks.get(i));
                        if (a.is(202)) {
                            long accepted = a.body().path("accepted").asLong();
                            long lines = lineCount(chunks.get(i));
                            if (accepted != lines) throw new IllegalStateException("chunk " + i + ": " + accepted + " of " + lines + " accepted");
                            break;
                        }
                        failedAttempts.incrementAndGet();
                        resent.add(i);
                        if (System.nanoTime() > deadline) throw new IllegalStateException("chunk " + i + " not accepted: " + a);
                        Thread.sleep(250);
                    }
                    acknowledged.incrementAndGet();
                }
                done = true;
            } catch (InterruptedException e) {
                failure.compareAndSet(null, "interrupted");
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e.toString());
            }
        }

        private static long lineCount(byte[] chunk) {
            long n = 0;
            for (byte b : chunk) if (b == '\n') n++;
            return n;
        }
    }
}
