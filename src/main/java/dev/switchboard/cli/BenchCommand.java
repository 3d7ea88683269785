package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.ingest.Receipt;
import dev.switchboard.mediation.Counts;
import dev.switchboard.platform.EmbeddedKafka;
import dev.switchboard.platform.Settings;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"bench ingest: end-to-end CDR throughput from file to SQL on a fresh embedded platform,",
                "then each stage alone on a backlog (produce, mediation, sink), and peak RSS.",
                "bench callcenter: event-to-dashboard latency (event produced → seen at /api/callcenter/live and on SSE),",
                "p50/p95/p99, under a steady load at each of --rates call events a second.",
                "bench rate-and-bill: --count clean CDRs generated once to NDJSON (not timed), then read, rated and billed",
                "in one batch in memory (no store); time per phase, CDR/s, totals and the reconciliation.",
                "bench soak: --length of mixed ingest (--cdr-rate, --call-rate, --ctr-rate) with the call-center page open in",
                "headless Chromium: memory every 10 s, event-to-dashboard latency over the whole run, accounting at the end."})
final class BenchCommand implements Callable<Integer> {
    private static final Duration LIMIT = Duration.ofMinutes(30);

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "WHAT", description = "ingest, callcenter, rate-and-bill or soak")
    String what;

    @Option(names = "--count", defaultValue = "1000000", description = "CDRs; default ${DEFAULT-VALUE}")
    long count;

    @Option(names = "--error-rate", defaultValue = "0.05", description = "default ${DEFAULT-VALUE}")
    double errorRate;

    @Option(names = "--duplicate-rate", defaultValue = "0.02", description = "default ${DEFAULT-VALUE}")
    double duplicateRate;

    @Option(names = "--warmup", defaultValue = "200000", description = "CDRs of a first, unreported end-to-end pass, so that the JIT has compiled the hot code; default ${DEFAULT-VALUE}")
    long warmup;

    @Option(names = "--work", paramLabel = "DIR", description = "scratch folder (deleted afterwards); default a temporary folder")
    Path work;

    @Option(names = "--rates", split = ",", defaultValue = "1000,20000", description = "callcenter: load rates in call events/s; default ${DEFAULT-VALUE}")
    List<Integer> rates;

    @Option(names = "--duration", defaultValue = "30s", description = "callcenter: measured time per rate, after 15 s of warm-up; default ${DEFAULT-VALUE}")
    String duration;

    @Option(names = "--seed", defaultValue = "7", description = "rate-and-bill: generator seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--input", paramLabel = "FILE", description = "rate-and-bill: an NDJSON file of CDRs to use instead of generating one")
    Path input;

    @Option(names = "--keep", description = "rate-and-bill: write the generated file into --work and keep it (for bench/spark/run.sh)")
    boolean keep;

    @Option(names = "--bills-out", paramLabel = "FILE", description = "rate-and-bill: write the bills there, one CSV line each, sorted (to compare runs)")
    Path billsOut;

    @Option(names = "--generate-only", description = "rate-and-bill: with --keep, only write the file")
    boolean generateOnly;

    @Option(names = "--length", defaultValue = "10m", description = "soak: how long the mixed load is measured, after a warm-up of at least 30 s that lasts until every probe shows within 1 s for 30 s (at most 5 min); default ${DEFAULT-VALUE}")
    String length;

    @Option(names = "--cdr-rate", defaultValue = "2000", description = "soak: CDRs a second; default ${DEFAULT-VALUE}")
    int cdrRate;

    @Option(names = "--call-rate", defaultValue = "500", description = "soak: call events a second; default ${DEFAULT-VALUE}")
    int callRate;

    @Option(names = "--ctr-rate", defaultValue = "20", description = "soak: contact records a second; default ${DEFAULT-VALUE}")
    int ctrRate;

    @Option(names = "--threads", defaultValue = "0", description = "rate-and-bill: threads; default 0 = available processors")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (what.equals("callcenter")) return callCenter();
        if (what.equals("soak")) return soak();
        if (what.equals("rate-and-bill")) return rateAndBill();
        if (!what.equals("ingest")) throw new UserError("unknown benchmark '" + what + "' (known: ingest, callcenter, rate-and-bill, soak)");
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("switchboard-bench");
        try {
            Path file = dir.resolve("cdrs.ndjson");
            long g0 = System.nanoTime();
            generate(file);
            System.out.printf("generated %,d CDRs (%,d bytes) in %.1f s%n", count, Files.size(file), secs(g0));
            Settings base = common.settings(Map.of());
            if (warmup > 0) {
                Path warm = dir.resolve("warmup.ndjson");
                try (var lines = Files.lines(file)) {
                    Files.write(warm, (Iterable<String>) lines.limit(warmup)::iterator);
                }
                endToEnd(base, dir.resolve("warmup"), warm, warmup, new java.util.HashMap<>());
                System.out.printf("warm-up pass of %,d CDRs done%n", Math.min(warmup, count));
            }
            Map<String, Double> cpu = new java.util.TreeMap<>();
            double e2e = endToEnd(base, dir.resolve("e2e"), file, count, cpu);
            Map<String, Double> stages = stages(base, dir.resolve("stages"), file);
            System.out.printf("end to end (file → SQL, all stages at once): %,.0f CDR/s%n", e2e);
            System.out.printf("  CPU seconds in the end-to-end run (%.1f s of wall time, 2 cores = %.1f CPU-s at most):%n",
                    count / e2e, 2 * count / e2e);
            cpu.entrySet().stream().filter(c -> c.getValue() >= 0.5).sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                    .forEach(c -> System.out.printf("    %-32s %6.1f%n", c.getKey(), c.getValue()));
            stages.forEach((stage, rate) -> System.out.printf("  %-10s alone on a backlog: %,.0f records/s%n", stage, rate));
            System.out.printf("peak RSS: %,d MB (heap max %,d MB), exactly-once %s%n", peakRssMb(),
                    Runtime.getRuntime().maxMemory() >> 20, base.exactlyOnce());
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private void generate(Path file) throws Exception {
        CdrWorkload w = CdrWorkload.defaults().toBuilder().count(count).seed(7).errorRate(errorRate).duplicateRate(duplicateRate).build();
        CdrGenerator g = new CdrGenerator(w, SubscriberBase.create("US", SubscriberBase.DEFAULT_SIZE, SubscriberBase.DEFAULT_SEED));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Iterator<String> it = g.lines(CdrFormat.CDR_JSON); it.hasNext(); ) {
                out.write(it.next());
                out.write('\n');
            }
        }
    }

    /** Runs file → SQL once; fills {@code cpu} with the CPU seconds each group of threads used meanwhile. */
    private double endToEnd(Settings base, Path data, Path file, long n, Map<String, Double> cpu) throws Exception {
        Settings s = base.with(Map.of("data", data.toString(), "roles", "ingest,stream,store"));
        try (Switchboard sb = Switchboard.start(s)) {
            Map<String, Double> before = ThreadCpu.byGroup();
            long t0 = System.nanoTime();
            Receipt r = produce(sb, file);
            double produced = secs(t0);
            awaitMediated(sb, r.source(), r.accepted());
            double mediated = secs(t0);
            sb.storeProgress().awaitStored(LIMIT, s.commitInterval());
            double stored = secs(t0);
            cpu.putAll(ThreadCpu.minus(ThreadCpu.byGroup(), before));
            System.out.printf("end to end: produced after %.1f s, mediated after %.1f s, stored after %.1f s%n", produced, mediated, stored);
            return Math.min(n, count) / stored;
        }
    }

    /** Each stage alone on the backlog the one before left, against one broker kept up between them. */
    private Map<String, Double> stages(Settings base, Path data, Path file) throws Exception {
        Map<String, Double> rates = new LinkedHashMap<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"))) {
            Map<String, String> external = Map.of("data", data.toString(), "kafka", kafka.bootstrapServers(), "replication", "1");
            Settings s = base.with(external);
            String source;
            try (Switchboard sb = Switchboard.start(s.with(Map.of("roles", "ingest")))) {
                long t0 = System.nanoTime();
                source = produce(sb, file).source();
                rates.put("produce", count / secs(t0));
            }
            try (Switchboard sb = Switchboard.start(s.with(Map.of("roles", "stream")))) {
                long t0 = System.nanoTime();
                long before = sb.cdrAccounting().orElseThrow().total().in();
                awaitMediated(sb, source, count);
                rates.put("mediation", (count - before) / secs(t0));
            }
            try (Switchboard sb = Switchboard.start(s.with(Map.of("roles", "store")))) {
                long t0 = System.nanoTime();
                sb.storeProgress().awaitStored(LIMIT, s.commitInterval());
                long rows = sb.sink().orElseThrow().rowsWritten();
                rates.put("sink", rows / Math.max(1e-9, secs(t0) - (s.commitInterval().toMillis() * 3 + 300) / 1000.0));
            }
        }
        return rates;
    }

    private Receipt produce(Switchboard sb, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return sb.ingest().orElseThrow().ingestFile("cdr", "cdr-json", "bench", in);
        }
    }

    private static Counts awaitMediated(Switchboard sb, String source, long n) throws Exception {
        return Waiting.until(LIMIT, () -> {
            Counts c = sb.cdrAccounting().orElseThrow().bySource().getOrDefault(source, Counts.ZERO);
            return c.in() >= n && c.drained() ? c : null;
        });
    }

    private int rateAndBill() throws Exception {
        if (count <= 0) throw new UserError("--count must be positive");
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (keep) {
            if (work == null) throw new UserError("--keep needs --work DIR");
            Path dir = Files.createDirectories(work);
            if (generateOnly) {
                Path file = dir.resolve("cdrs.ndjson");
                long g0 = System.nanoTime();
                RateAndBillBench.generate(file, count, seed);
                System.out.printf("generated %,d CDRs (%,d bytes) in %.1f s: %s%n", count, Files.size(file), secs(g0), file);
                return 0;
            }
            return RateAndBillBench.run(dir, count, seed, input, true, n, billsOut);
        }
        if (input != null) return RateAndBillBench.run(null, count, seed, input, false, n, billsOut);
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("switchboard-bench");
        try {
            return RateAndBillBench.run(dir, count, seed, null, false, n, billsOut);
        } finally {
            deleteTree(dir);
        }
    }

    private int callCenter() throws Exception {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("switchboard-bench");
        try {
            Duration measure = dev.switchboard.platform.SettingsSpec.parseDuration(duration);
            for (int rate : rates) {
                if (rate <= 0) throw new UserError("--rates must be positive");
                CallLatencyBench.run(common.settings(Map.of()), dir.resolve("rate-" + rate), rate, Duration.ofSeconds(15), measure);
            }
            System.out.printf("peak RSS %d MB%n", peakRssMb());
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private int soak() throws Exception {
        if (cdrRate < 0 || callRate <= 0 || ctrRate < 0) throw new UserError("soak rates must not be negative, and --call-rate positive");
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("switchboard-bench");
        try {
            int code = SoakBench.run(common.settings(Map.of()), dir.resolve("soak"), dev.switchboard.platform.SettingsSpec.parseDuration(length),
                    cdrRate, callRate, ctrRate);
            System.out.printf("peak RSS %d MB%n", peakRssMb());
            return code;
        } finally {
            deleteTree(dir);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long peakRssMb() {
        return statusMb("VmHWM");
    }

    /** A memory figure of this process from /proc/self/status (VmRSS, VmHWM…) in MB; -1 where there is none. */
    static long statusMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } catch (java.io.IOException e) {
            // not Linux
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
