package dev.switchboard.web;

import dev.switchboard.platform.Json;
import io.javalin.http.sse.SseClient;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server-sent events: every second each connected page gets a {@code stats} event with the live counters. */
final class LiveEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    private final StatsService stats;
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-events");
        t.setDaemon(true);
        return t;
    });

    LiveEvents(StatsService stats) {
        this.stats = stats;
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, snapshot());
    }

    void start() {
        timer.scheduleAtFixedRate(this::broadcast, 1, 1, TimeUnit.SECONDS);
    }

    private void broadcast() {
        if (clients.isEmpty()) return;
        try {
            String data = snapshot();
            clients.forEach(c -> send(c, data));
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

    private void send(SseClient client, String data) {
        if (client.terminated()) clients.remove(client);
        else client.sendEvent("stats", data);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
