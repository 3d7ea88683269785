package dev.switchboard.web;

import dev.switchboard.callcenter.CallCenterService;
import dev.switchboard.platform.Json;
import io.javalin.http.sse.SseClient;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events: every second each connected page gets a {@code stats} event with the live
 * counters, and, where this process holds the call-center metrics, a {@code callcenter} event (the
 * body of {@code GET /api/callcenter/live}) every {@value #CALL_CENTER_PERIOD_MS} ms.
 */
final class LiveEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    static final long CALL_CENTER_PERIOD_MS = 100;
    private final StatsService stats;
    private final CallCenterService callCenter;
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-events");
        t.setDaemon(true);
        return t;
    });

    LiveEvents(StatsService stats, CallCenterService callCenter) {
        this.stats = stats;
        this.callCenter = callCenter;
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, "stats", snapshot());
    }

    void start() {
        timer.scheduleAtFixedRate(this::broadcast, 1, 1, TimeUnit.SECONDS);
        if (callCenter != null)
            timer.scheduleAtFixedRate(this::broadcastCallCenter, CALL_CENTER_PERIOD_MS, CALL_CENTER_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void broadcastCallCenter() {
        if (clients.isEmpty()) return;
        try {
            String data = Json.write(callCenter.live());
            clients.forEach(c -> send(c, "callcenter", data));
        } catch (RuntimeException e) {
            log.debug("call-center event skipped: {}", e.getMessage());
        }
    }

    private void broadcast() {
        if (clients.isEmpty()) return;
        try {
            String data = snapshot();
            clients.forEach(c -> send(c, "stats", data));
        } catch (RuntimeException e) {
            log.debug("live event skipped: {}", e.getMessage());
        }
    }

    private String snapshot() {
        try {
            return Json.MAPPER.writeValueAsString(stats.snapshot());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(SseClient client, String event, String data) {
        if (client.terminated()) clients.remove(client);
        else client.sendEvent(event, data);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
