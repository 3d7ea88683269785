package dev.switchboard.web;

import dev.switchboard.app.Switchboard;
import dev.switchboard.mediation.Counter;
import dev.switchboard.mediation.Counts;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** {@code /health}, {@code /metrics} (Prometheus) and {@code /api/stats}. */
final class HealthRoutes {
    private final Switchboard sb;
    private final StatsService stats;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    HealthRoutes(Switchboard sb, StatsService stats) {
        this.sb = sb;
        this.stats = stats;
        for (Counter counter : Counter.values()) {
            FunctionCounter.builder("switchboard_records", stats, s -> value(s.cdrTotal(), counter))
                    .description("records per kind and outcome since the data folder was created")
                    .tag("kind", "cdr").tag("outcome", counter.key())
                    .register(registry);
        }
        sb.sink().ifPresent(sink -> {
            FunctionCounter.builder("switchboard_store_rows", sink, s -> s.rowsWritten()).description("records written to SQL by this process").register(registry);
            Gauge.builder("switchboard_store_healthy", sink, s -> s.healthy() ? 1 : 0).register(registry);
            FunctionCounter.builder("switchboard_store_write_failures", sink, s -> s.failedWrites()).description("store batch writes that failed and were retried").register(registry);
        });
    }

    void register(Javalin app) {
        app.get("/health", this::health);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        app.get("/api/stats", this::stats);
    }

    private void health(Context ctx) {
        Map<String, Object> parts = new LinkedHashMap<>();
        boolean up = true;
        if (sb.streams().isPresent()) {
            KafkaStreams.State state = sb.streams().get().streams().state();
            parts.put("streams", state.name());
            up &= state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        }
        if (sb.sink().isPresent()) {
            boolean healthy = sb.sink().get().healthy();
            parts.put("store", healthy ? "UP" : "DOWN: " + sb.sink().get().lastError());
            up &= healthy;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("kafka", sb.bootstrap());
        body.put("parts", parts);
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private void stats(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null) {
            ctx.json(stats.snapshot());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("cdr", StatsService.counts(stats.cdrSource(source)));
        body.put("ctr", StatsService.counts(stats.contactSource(source)));
        ctx.json(body);
    }

    private static double value(Counts c, Counter counter) {
        return switch (counter) {
            case IN -> c.in();
            case CLEAN -> c.clean();
            case ERROR -> c.error();
            case DUPLICATE -> c.duplicate();
        };
    }
}
