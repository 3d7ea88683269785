package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.callcenter.CallFormat;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Event-to-dashboard latency: while a steady load of call events flows at a given rate, a probe call
 * (alone in its own queue) is queued ten times a second, and the time is taken from just before it is
 * produced until it shows as waiting in {@code GET /api/callcenter/live} (polled every 5 ms here) and in
 * the SSE {@code callcenter} event. Each probe is then abandoned, so the waiting list stays small.
 */
final class CallLatencyBench {
    private static final long PROBE_EVERY_MS = 100;
    private static final long STALL_MS = 1_000;
    private final Switchboard sb;
    private final IngestService ingest;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> seenByPoll = new ConcurrentHashMap<>();
    private final Map<String, Long> seenBySse = new ConcurrentHashMap<>();
    private final List<Long> pollLatency = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> sseLatency = Collections.synchronizedList(new ArrayList<>());
    /** Each measured probe's poll sighting: {sent, in ms since the measurement began; latency in ms}. */
    private final List<long[]> pollTimeline = Collections.synchronizedList(new ArrayList<>());
    private volatile long measureStart;
    /** When a probe last took over {@value #STALL_MS} ms to show (warm-up ends only after a steady while). */
    private volatile long lastSlowAt;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean measuring;
    private final long pollEveryMs;

    private CallLatencyBench(Switchboard sb, int port, long pollEveryMs) {
        this.sb = sb;
        this.pollEveryMs = pollEveryMs;
        this.ingest = sb.ingest().orElseThrow();
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Measures on a platform already running (web on {@code port}), with call events at {@code rate}, as {@link #run}, but
     * polling {@code /api/callcenter/live} only every {@code pollEveryMs} (a poll every 5 ms is 200 requests a second,
     * a load of its own on a small machine; each poll figure is then up to that much late).
     */
    static double[] measureOn(Switchboard sb, int port, int rate, Warmup warmup, Duration measure, long pollEveryMs) throws Exception {
        return new CallLatencyBench(sb, port, pollEveryMs).measure(rate, warmup, measure);
    }

    /**
     * The load runs at least {@code least} before the measurement starts, and beyond that until the platform is steady
     * (every probe for {@code steadyFor} showed within {@value #STALL_MS} ms, none older is still unseen), but at most
     * {@code most}: so that the measurement is of the sustained rate, not of the start (JIT compilation, the first
     * rebalance, a browser starting) and the backlog it leaves. {@code steadyFor} zero: exactly {@code least}.
     * {@code then} runs when the warm-up ends, before the measurement starts.
     */
    record Warmup(Duration least, Duration most, Duration steadyFor, Runnable then) {
        static Warmup fixed(Duration d) {
            return new Warmup(d, d, Duration.ZERO, () -> {});
        }
    }

    /** Runs one rate on a fresh embedded platform in {@code dir}; prints and returns {p50, p99} of poll and SSE latency (ms). */
    static double[] run(Settings common, Path dir, int rate, Duration warmup, Duration measure) throws Exception {
        Settings settings = common.with(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web", "port", "0"));
        try (Switchboard sb = Switchboard.start(settings); WebServer web = new WebServer(sb).start("127.0.0.1", 0)) {
            CallLatencyBench bench = new CallLatencyBench(sb, web.port(), 5);
            return bench.measure(rate, Warmup.fixed(warmup), measure);
        }
    }

    private void warmUp(Warmup warmup, long start) throws InterruptedException {
        Thread.sleep(warmup.least().toMillis());
        if (warmup.steadyFor().isZero()) return;
        long cap = start + warmup.most().toNanos();
        while (!steady(warmup.steadyFor()) && System.nanoTime() < cap) Thread.sleep(500);
        System.out.printf("warm-up: %.0f s (%s)%n", (System.nanoTime() - start) / 1e9, steady(warmup.steadyFor())
                ? "then steady: every probe for " + warmup.steadyFor().toSeconds() + " s showed within " + STALL_MS + " ms"
                : "the cap; not steady yet");
    }

    private boolean steady(Duration steadyFor) {
        long now = System.nanoTime();
        boolean noneOverdue = sentAt.values().stream().allMatch(sent -> now - sent <= STALL_MS * 1_000_000);
        return noneOverdue && now - lastSlowAt >= steadyFor.toNanos();
    }

    private double[] measure(int rate, Warmup warmup, Duration measure) throws Exception {
        List<Thread> threads = List.of(thread("bench-load", () -> load(rate)), thread("bench-probes", this::probes),
                thread("bench-poll", this::poll), thread("bench-sse", this::sse));
        long start = System.nanoTime();
        lastSlowAt = start;
        threads.forEach(Thread::start);
        warmUp(warmup, start);
        warmup.then().run();
        measureStart = System.nanoTime();
        measuring = true;
        Thread.sleep(measure.toMillis());
        measuring = false;
        running.set(false);
        for (Thread t : threads) {
            t.interrupt();
            t.join(5000);
        }
        long[] poll = sorted(pollLatency), sse = sorted(sseLatency);
        System.out.printf("%,7d events/s  /api/callcenter/live: n=%d p50=%d p95=%d p99=%d max=%d ms   SSE: n=%d p50=%d p95=%d p99=%d max=%d ms%n",
                rate, poll.length, pct(poll, 50), pct(poll, 95), pct(poll, 99), pct(poll, 100),
                sse.length, pct(sse, 50), pct(sse, 95), pct(sse, 99), pct(sse, 100));
        printStalls();
        return new double[] {pct(poll, 50), pct(poll, 99), pct(sse, 50), pct(sse, 99)};
    }

    /** QUEUED, ANSWERED, ENDED for one call after another, stamped now, at {@code rate} events a second. */
    private void load(int rate) {
        long n = 0;
        long start = System.nanoTime();
        while (running.get()) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            for (; n < due && running.get(); n++) {
                String id = "load-" + (n / 3);
                String caller = "+1202555" + String.format("%04d", (n / 3) % 10_000); // 10,000 callers
                Instant now = Instant.now();
                CallEvent e = switch ((int) (n % 3)) {
                    case 0 -> new CallEvent(id, CallEventType.QUEUED, now, "load", caller, null, null, null, null, null);
                    case 1 -> new CallEvent(id, CallEventType.ANSWERED, now, "load", caller, "a1", 3, null, null, null);
                    default -> new CallEvent(id, CallEventType.ENDED, now, "load", caller, "a1", 3, 60, CallSubject.OTHER, "TV");
                };
                ingest.publish(CallTopics.KIND, "bench-load", CallFormat.CALL_JSON.wireName(), Json.write(e));
            }
            sleep(1);
        }
    }

    private void probes() {
        long i = 0;
        while (running.get()) {
            String queue = "probe-" + i++;
            sentAt.put(queue, System.nanoTime());
            publish(new CallEvent(queue, CallEventType.QUEUED, Instant.now(), queue, "+12025550199", null, null, null, null, null));
            sleep(PROBE_EVERY_MS);
        }
    }

    private void poll() {
        while (running.get()) {
            try {
                JsonNode live = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/callcenter/live")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body());
                seen(live.path("waiting").path("by_queue"), seenByPoll, pollLatency);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // starting up: try again
            }
            sleep(pollEveryMs);
        }
    }

    private void sse() {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body()))) {
                boolean callCenter = false;
                for (String line; running.get() && (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) callCenter = line.contains("callcenter");
                    else if (callCenter && line.startsWith("data:"))
                        seen(Json.MAPPER.readTree(line.substring(5)).path("waiting").path("by_queue"), seenBySse, sseLatency);
                }
            }
        } catch (Exception e) {
            if (running.get()) System.err.println("SSE listener stopped: " + e);
        }
    }

    /** Records the first sighting of each probe queue; once both views saw it, the probe is abandoned. */
    private void seen(JsonNode byQueue, Map<String, Long> seenAt, List<Long> latencies) {
        long now = System.nanoTime();
        byQueue.fieldNames().forEachRemaining(queue -> {
            Long sent = sentAt.get(queue);
            if (sent == null || seenAt.putIfAbsent(queue, now) != null) return;
            if (now - sent > STALL_MS * 1_000_000) lastSlowAt = now;
            if (measuring) {
                latencies.add((now - sent) / 1_000_000);
                if (seenAt == seenByPoll) pollTimeline.add(new long[] {(sent - measureStart) / 1_000_000, (now - sent) / 1_000_000});
            }
            if (seenByPoll.containsKey(queue) && seenBySse.containsKey(queue)) {
                sentAt.remove(queue);
                publish(new CallEvent(queue, CallEventType.ABANDONED, Instant.now(), queue, "+12025550199", null, 0, null, null, null));
            }
        });
    }

    private void publish(CallEvent e) {
        ingest.publish(CallTopics.KIND, "bench-probe", CallFormat.CALL_JSON.wireName(), Json.write(e));
    }

    /**
     * Where the tail comes from: runs of probes (in the order sent) that each took over {@value #STALL_MS} ms to show,
     * with when each run began and its worst latency; the longest five are printed.
     */
    private void printStalls() {
        List<long[]> timeline;
        synchronized (pollTimeline) {
            timeline = new ArrayList<>(pollTimeline);
        }
        timeline.sort(java.util.Comparator.comparingLong(p -> p[0]));
        List<long[]> stalls = new ArrayList<>(); // {first sent, last sent, worst latency, probes}
        long[] open = null;
        for (long[] p : timeline) {
            if (p[1] <= STALL_MS) {
                open = null;
            } else if (open == null) {
                open = new long[] {p[0], p[0], p[1], 1};
                stalls.add(open);
            } else {
                open[1] = p[0];
                open[2] = Math.max(open[2], p[1]);
                open[3]++;
            }
        }
        long slow = stalls.stream().mapToLong(s -> s[3]).sum();
        System.out.printf("probes over %d ms: %d of %d, in %d runs%s%n", STALL_MS, slow, timeline.size(), stalls.size(), stalls.isEmpty() ? "" : "; the worst:");
        stalls.stream().sorted(java.util.Comparator.comparingLong((long[] s) -> s[2]).reversed()).limit(5).forEach(s ->
                System.out.printf("  from %.1f s to %.1f s into the measurement: %d probes, worst %,d ms%n", s[0] / 1e3, s[1] / 1e3, s[3], s[2]));
    }

    static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
