package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.live.ServiceLevel;
import dev.switchboard.web.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** {@code /api/callcenter/*}: live figures, buckets, summary, KPIs by definition, and reset. */
public final class CallCenterRoutes {
    private final CallCenterService service;

    public CallCenterRoutes(CallCenterService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get("/api/callcenter/live", ctx -> ctx.json(service.live()));
        app.get("/api/callcenter/buckets", ctx -> ctx.json(service.buckets(date(ctx), definitions(ctx))));
        app.get("/api/callcenter/summary", ctx -> ctx.json(service.summary(date(ctx))));
        app.get("/api/callcenter/kpis", ctx -> ctx.json(service.kpis(date(ctx), definitions(ctx))));
        app.post("/api/callcenter/reset", ctx -> ctx.status(HttpStatus.ACCEPTED).json(new ResetAccepted(service.reset())));
    }

    private LocalDate date(Context ctx) {
        return QueryParams.date(ctx, "date", service.today());
    }

    private static List<ServiceLevel> definitions(Context ctx) {
        String d = ctx.queryParam("definition");
        if (d == null || d.isBlank() || d.equals("all")) return List.of(ServiceLevel.values());
        return List.of(ServiceLevel.byId(d).orElseThrow(() -> new IllegalArgumentException("unknown definition '" + d + "'; one of "
                + String.join(", ", Arrays.stream(ServiceLevel.values()).map(ServiceLevel::id).toList()) + " or all")));
    }

    record ResetAccepted(@JsonProperty("reset_requested_at") Instant resetRequestedAt) {}
}
