package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out with a failure: a Kafka broker on its own ({@code switchboard kafka}), one process with the ingest, store
 * and web roles, and two with the stream and web roles, each on its own data folder. Call-center events and CDRs with
 * errors and duplicates are posted to the first; one stream process is killed (SIGKILL) in the middle of the stream;
 * the other takes over its partitions. Afterwards the store holds each distinct clean CDR once, and the surviving
 * stream process's counters and call-center figures (now over every partition) are exact.
 *
 * <p>Before the kill each stream process answers for its own partitions only: the web layer reads the local state
 * stores (no remote interactive queries), so {@code /api/stats} of either is a part of the total, and
 * {@code /api/callcenter/live} answers at the one process that holds the single call-metrics task (503 at the other).
 * The test reads the figures where, after the kill, every task is.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ScaleOutIT {
    private static final int COUNT = 20_000;
    private static final int CHUNK = 2_000;
    @TempDir Path dir;
    private final List<SwitchboardProcess> processes = new ArrayList<>();
    private final long t0 = System.nanoTime();
    private volatile String zone;

    @AfterEach
    void tearDown() {
        // Switchboard processes first, the broker last.
        for (int i = processes.size() - 1; i >= 0; i--) processes.get(i).close();
    }

    @Test
    void aStreamProcessKilledMidStreamLeavesTheTotalsExact() throws Exception {
        CrashIT.Expected expected = CrashIT.Expected.generate(COUNT, CHUNK);
        Instant now = Instant.now();
        zone = LiveStateRestartIT.noonZone(now).getId();
        int kafkaPort = SwitchboardProcess.freePort();
        SwitchboardProcess kafka = SwitchboardProcess.start(List.of("kafka", "--data", dir.resolve("kafka").toString(), "--port", String.valueOf(kafkaPort)),
                SwitchboardProcess.KAFKA_READY, dir.resolve("kafka.log"), Duration.ofSeconds(120));
        processes.add(kafka);
        note("broker %s", kafka.address());
        // The three start together (each waits for its own ready line).
        CompletableFuture<SwitchboardProcess> store = CompletableFuture.supplyAsync(() -> serve("store", "ingest,store,web", kafka.address()));
        CompletableFuture<SwitchboardProcess> streamA = CompletableFuture.supplyAsync(() -> serve("stream-a", "stream,web", kafka.address()));
        CompletableFuture<SwitchboardProcess> streamB = CompletableFuture.supplyAsync(() -> serve("stream-b", "stream,web", kafka.address()));
        SwitchboardProcess front = store.get(5, TimeUnit.MINUTES), a = streamA.get(5, TimeUnit.MINUTES), b = streamB.get(5, TimeUnit.MINUTES);
        note("started: store %s, stream-a %s, stream-b %s", front.address(), a.address(), b.address());
        HttpApi ingest = new HttpApi(front.address()), apiA = new HttpApi(a.address()), apiB = new HttpApi(b.address());
        SwitchboardProcess victim = null;
        HttpApi survivor = null;

        String calls = LiveStateRestartIT.callEvents(now);
        assertThat(ingest.post("/api/ingest/call?source=calls", "application/x-ndjson", calls.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
        for (int i = 0; i < expected.chunks().size(); i++) {
            HttpApi.Answer answer = ingest.post("/api/ingest/cdr?source=scale", "application/x-ndjson", expected.chunks().get(i));
            assertThat(answer.status()).as("chunk %s: %s", i, answer.body()).isEqualTo(202);
            if (i == expected.chunks().size() / 2) {
                await("both stream processes mediating, one holding the call-center figures", () -> cdrIn(apiA) > 0 && cdrIn(apiB) > 0
                        && (apiA.get("/api/callcenter/live").is(200) || apiB.get("/api/callcenter/live").is(200)));
                int liveA = apiA.get("/api/callcenter/live").status(), liveB = apiB.get("/api/callcenter/live").status();
                note("stream-a counters %s, stream-b counters %s; /api/callcenter/live answers %s at stream-a, %s at stream-b",
                        counters(apiA), counters(apiB), liveA, liveB);
                // The one holding the call-center task goes, so that the survivor must take the figures over from the changelog.
                victim = liveA == 200 ? a : b;
                survivor = victim == a ? apiB : apiA;
                note("kill -9 %s", victim == a ? "stream-a" : "stream-b");
                victim.kill();
            }
        }
        HttpApi rest = survivor;
        await("the survivor accounts for every CDR and the store caught up", () -> {
            JsonNode c = rest.getOk("/api/stats").path("cdr");
            return c.path("in").asLong() == COUNT && c.path("drained").asBoolean()
                    && ingest.getOk("/api/ingest/status?source=scale").path("store_behind").asLong() == 0;
        });
        JsonNode c = rest.getOk("/api/stats").path("cdr");
        note("survivor counters %s", c);
        assertThat(c.path("clean").asLong()).as("clean").isEqualTo(expected.generated().valid());
        assertThat(c.path("error").asLong()).as("error").isEqualTo(expected.generated().errorCount());
        assertThat(c.path("duplicate").asLong()).as("duplicate").isEqualTo(expected.generated().duplicates());
        assertThat(ingest.queryLong("select count(*) from cdr")).as("rows of table cdr").isEqualTo(expected.cleanIds().size());
        assertThat(ingest.queryLong("select count(distinct id) from cdr")).as("distinct ids of table cdr").isEqualTo(expected.cleanIds().size());
        assertThat(ingest.queryLong("select count(*) from cdr_error")).as("rows of table cdr_error").isEqualTo(expected.generated().errorCount());
        // The call-center figures: one task holds them all (a single-partition stream), now at the survivor, restored from the changelog.
        await("the call-center figures at the survivor", () -> rest.getOk("/api/callcenter/live").path("today").path("offered").asLong()
                == LiveStateRestartIT.ANSWERED + LiveStateRestartIT.ABANDONED + LiveStateRestartIT.WAITING);
        JsonNode live = rest.getOk("/api/callcenter/live");
        assertThat(live.path("today").path("answered").asLong()).isEqualTo(LiveStateRestartIT.ANSWERED);
        assertThat(live.path("today").path("abandoned").asLong()).isEqualTo(LiveStateRestartIT.ABANDONED);
        assertThat(live.path("waiting").path("total").asLong()).isEqualTo(LiveStateRestartIT.WAITING);
        assertThat(rest.getOk("/api/stats").path("call").path("in").asLong()).isEqualTo(calls.lines().count());
        note("call-center figures at the survivor: today %s, waiting %s", live.path("today"), live.path("waiting").path("total"));
        note("done");
    }

    private SwitchboardProcess serve(String name, String roles, String bootstrap) {
        SwitchboardProcess p = SwitchboardProcess.start(List.of("serve", "--data", dir.resolve(name).toString(), "--port",
                        String.valueOf(SwitchboardProcess.freePort()), "--kafka", bootstrap, "--roles", roles, "--zone", zone, "--set", "replication=1",
                        "--set", "partitions=4"),
                SwitchboardProcess.WEB_READY, dir.resolve(name + ".log"), Duration.ofMinutes(4));
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    private static long cdrIn(HttpApi api) {
        HttpApi.Answer a = api.get("/api/stats");
        return a.is(200) ? a.body().path("cdr").path("in").asLong() : -1;
    }

    private static String counters(HttpApi api) {
        HttpApi.Answer a = api.get("/api/stats");
        return a.is(200) ? a.body().path("cdr").toString() : "(answer " + a.status() + ": " + a.body() + ")";
    }

    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (done.getAsBoolean()) return;
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not reached within 4 minutes: " + what + (last != null ? " (last failure " + last + ")" : ""));
    }

    private void note(String format, Object... args) {
        System.out.printf("ScaleOutIT %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, String.format(format, args));
    }
}
