package dev.switchboard.revenue;

import dev.switchboard.revenue.RevenueQueries.TopBy;
import dev.switchboard.web.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;

/** {@code /api/revenue/*}: summary, top customers, distribution, daily figures, error CDRs by reason. IO only. */
public final class RevenueRoutes {
    private final RevenueService service;

    public RevenueRoutes(RevenueService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get("/api/revenue/summary", ctx -> ctx.json(service.summary(period(ctx))));
        app.get("/api/revenue/top", ctx -> ctx.json(service.top(period(ctx), choice(ctx, "by", TopBy.class, TopBy.AMOUNT), QueryParams.integer(ctx, "limit", 10, 1, 100))));
        app.get("/api/revenue/distribution", ctx -> {
            Period p = period(ctx);
            String by = ctx.queryParam("by");
            if (by == null || by.isBlank() || by.equals("operator")) ctx.json(service.byOperator(p));
            else if (by.equals("country")) ctx.json(service.byCountry(p));
            else throw new IllegalArgumentException("by must be operator or country, got '" + by + "'");
        });
        app.get("/api/revenue/daily", ctx -> ctx.json(service.daily(period(ctx))));
        app.get("/api/revenue/errors", ctx -> {
            String period = ctx.queryParam("period");
            ctx.json(service.errors(period == null || period.isBlank() ? null : service.period(period), QueryParams.integer(ctx, "limit_per_reason", 3, 0, 20)));
        });
    }

    private Period period(Context ctx) {
        return service.period(ctx.queryParam("period"));
    }

    private static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type, E fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be amount or usage, got '" + v + "'");
        }
    }
}
