package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.contact.ContactGenerator;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The soak: sustained mixed ingest (CDRs, call events, contact records) at fixed rates for a long time on one
 * embedded platform, with the call-center page open in a headless Chromium, while memory is sampled every 10 s
 * and the event-to-dashboard latency of probe calls is measured throughout ({@link CallLatencyBench}). At the
 * end every kind must be accounted for (in = clean + error + duplicate).
 */
final class SoakBench {
    private static final Duration SAMPLE = Duration.ofSeconds(10);
    /** How often the bench polls {@code /api/callcenter/live}: as a dashboard might, not 200 times a second. */
    private static final long POLL_EVERY_MS = 50;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong cdrSent = new AtomicLong();
    private final AtomicLong ctrSent = new AtomicLong();

    private SoakBench() {}

    static int run(Settings common, Path dir, Duration length, int cdrRate, int callRate, int ctrRate) throws Exception {
        Settings settings = common.with(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web", "port", "0"));
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            return new SoakBench().soak(sb, web.port(), dir, length, cdrRate, callRate, ctrRate);
        }
    }

    private int soak(Switchboard sb, int port, Path dir, Duration length, int cdrRate, int callRate, int ctrRate) throws Exception {
        IngestService ingest = sb.ingest().orElseThrow();
        CdrGenerator cdrs = new CdrGenerator(CdrWorkload.defaults().toBuilder().count(Long.MAX_VALUE).seed(11).errorRate(0.02).duplicateRate(0.01)
                .build(), SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED));
        ContactGenerator contacts = new ContactGenerator(new ContactGenerator.Workload(Long.MAX_VALUE, 13, Instant.now().minus(Duration.ofDays(30)),
                0.01, 0.01, 0.08, 0.10, 0.15));
        List<Thread> threads = new ArrayList<>();
        threads.add(paced("soak-cdr", cdrRate, () -> ingest.publish("cdr", "soak-cdr", CdrFormat.CDR_JSON.wireName(),
                cdrs.nextLiveLine(CdrFormat.CDR_JSON, Instant.now())), cdrSent));
        threads.add(paced("soak-ctr", ctrRate, () -> ingest.publish("ctr", "soak-ctr", "ctr-json", contacts.next()), ctrSent));
        List<String> samples = new ArrayList<>();
        threads.add(CallLatencyBench.thread("soak-memory", () -> sampleMemory(samples, sb)));
        Process browser = openDashboard(dir, port);
        threads.forEach(Thread::start);
        long t0 = System.nanoTime();
        long[] liveHeapMb = new long[2];
        // At least 30 s, then until every probe shows within a second for 30 s, at most 5 minutes.
        var warmup = new CallLatencyBench.Warmup(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30),
                () -> liveHeapMb[0] = liveHeapMb());
        double[] latency = CallLatencyBench.measureOn(sb, port, callRate, warmup, length, POLL_EVERY_MS);
        liveHeapMb[1] = liveHeapMb();
        running.set(false);
        for (Thread t : threads) t.join(5_000);
        boolean browserAlive = browser != null && browser.isAlive();
        if (browser != null) browser.destroyForcibly().waitFor();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("soak of %.0f s: sent %,d CDRs (%,.0f/s), call events at %,d/s, %,d contact records (%,.0f/s); dashboard open in Chromium: %s%n",
                secs, cdrSent.get(), cdrSent.get() / secs, callRate, ctrSent.get(), ctrSent.get() / secs,
                browser == null ? "no (no /usr/bin/chromium)" : browserAlive ? "yes, to the end" : "no, it exited");
        System.out.println("memory every " + SAMPLE.toSeconds() + " s (heap in use after the latest collection; heap used and committed now; RSS;"
                + " RSS less the committed heap, which is what lives off the heap, and DuckDB's part of it by duckdb_memory()):");
        samples.forEach(s -> System.out.println("  " + s));
        System.out.printf("live heap (in use right after a full collection): %,d MB when the measurement began, %,d MB when it ended%n",
                liveHeapMb[0], liveHeapMb[1]);
        boolean balanced = await(() -> sb.cdrAccounting().orElseThrow().total().drained(), Duration.ofMinutes(2))
                & await(() -> sb.callAccounting().orElseThrow().total().drained(), Duration.ofMinutes(2))
                & await(() -> sb.contactAccounting().orElseThrow().total().drained(), Duration.ofMinutes(2));
        System.out.printf("accounted: cdr %s, call %s, ctr %s%n", sb.cdrAccounting().orElseThrow().total(),
                sb.callAccounting().orElseThrow().total(), sb.contactAccounting().orElseThrow().total());
        System.out.printf("event-to-dashboard latency over the whole soak: /api/callcenter/live p50 %.0f ms p99 %.0f ms; SSE p50 %.0f ms p99 %.0f ms%n",
                latency[0], latency[1], latency[2], latency[3]);
        return balanced ? 0 : 1;
    }

    /** Calls {@code send} {@code rate} times a second, in 10 ms steps, counting in {@code sent}. */
    private Thread paced(String name, int rate, Runnable send, AtomicLong sent) {
        return CallLatencyBench.thread(name, () -> {
            long start = System.nanoTime();
            while (running.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (sent.get() < due && running.get()) {
                    send.run();
                    sent.incrementAndGet();
                }
                CallLatencyBench.sleep(10);
            }
        });
    }

    /**
     * The live heap: in use right after a full collection, which the bench asks for twice only (when the measurement
     * begins and when it ends), since the old generation may go uncollected for the whole run.
     */
    private static long liveHeapMb() {
        System.gc();
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    }

    /** Heap in use right after the latest collection (young or old): what survives, the figure that must stay flat. */
    private static long heapAfterLastGcMb() {
        List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).toList();
        com.sun.management.GcInfo latest = null;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean sun)) continue;
            com.sun.management.GcInfo info = sun.getLastGcInfo();
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) latest = info;
        }
        if (latest == null) return -1;
        return latest.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum() >> 20;
    }

    /** What DuckDB's buffer manager holds (its own figure, {@code duckdb_memory()}); -1 for another store or none. */
    private static long duckDbMb(Switchboard sb) {
        var db = sb.database().filter(d -> d.dialect() == dev.switchboard.store.Dialect.DUCKDB);
        if (db.isEmpty()) return -1;
        try {
            return db.get().read("DuckDB memory", c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
                    return rs.next() ? rs.getLong(1) >> 20 : -1;
                }
            });
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void sampleMemory(List<String> out, Switchboard sb) {
        long t0 = System.nanoTime();
        while (running.get()) {
            CallLatencyBench.sleep(SAMPLE.toMillis());
            long afterGc = heapAfterLastGcMb();
            long committed = Runtime.getRuntime().totalMemory() >> 20;
            long used = committed - (Runtime.getRuntime().freeMemory() >> 20);
            long rss = BenchCommand.statusMb("VmRSS");
            long duckDb = duckDbMb(sb);
            synchronized (out) {
                out.add(String.format("t=%4d s  heap after last GC %5d MB  heap used %5d MB  heap committed %5d MB  RSS %5d MB  RSS - heap committed %5d MB"
                        + "  of which DuckDB %5d MB", (System.nanoTime() - t0) / 1_000_000_000L, afterGc, used, committed, rss, rss - committed, duckDb));
            }
        }
    }

    /** The call-center page in a headless Chromium, live through SSE for the whole soak; null without Chromium. */
    private static Process openDashboard(Path dir, int port) throws Exception {
        File chromium = new File("/usr/bin/chromium");
        if (!chromium.canExecute()) return null;
        Path profile = Files.createDirectories(dir.resolve("chromium"));
        return new ProcessBuilder(chromium.getPath(), "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "http://127.0.0.1:" + port + "/callcenter.html")
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    }

    private static boolean await(BooleanSupplier drained, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (drained.getAsBoolean()) return true;
            CallLatencyBench.sleep(200);
        }
        return false;
    }
}
