package dev.switchboard.marketing;

import dev.switchboard.web.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code GET /api/marketing/templates/{0..4}}: a JSON array of the template's rows. Query parameters:
 * {@code from}, {@code to} (local dates, inclusive; default the last 7 days to today), {@code source}
 * ({@code history}, the default, or {@code live}), {@code group} (template 0: hour, day, day_hour),
 * {@code tag}, {@code type}, {@code region}, {@code caller}, {@code min_calls}, {@code limit} (default
 * 1,000), {@code offset}. A bad parameter is a 400 naming it.
 */
public final class TemplateRoutes {
    public static final String PATH = "/api/marketing/templates";

    private final Templates history;
    private final Optional<? extends Templates> live;
    private final ZoneId zone;
    private final Clock clock;

    public TemplateRoutes(Templates history, Optional<? extends Templates> live, ZoneId zone, Clock clock) {
        this.history = history;
        this.live = live;
        this.zone = zone;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get(PATH + "/{n}", this::template);
    }

    private void template(Context ctx) {
        int n;
        try {
            n = Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("there are templates 0 to 4, not " + ctx.pathParam("n"));
        }
        String source = Optional.ofNullable(ctx.queryParam("source")).orElse("history");
        Templates templates = switch (source) {
            case "history" -> history;
            case "live" -> live.orElseThrow(() -> new IllegalArgumentException("source=live: this process has no live templates (they need the stream role and marketing-live-days above 0)"));
            default -> throw new IllegalArgumentException("source must be history or live, not " + source);
        };
        ctx.json(templates.template(n, query(ctx)));
    }

    TemplateQuery query(Context ctx) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = QueryParams.date(ctx, "to", today);
        LocalDate from = QueryParams.date(ctx, "from", to.minusDays(6));
        return new TemplateQuery(from, to, ctx.queryParam("group"), ctx.queryParam("tag"), ctx.queryParam("type"), ctx.queryParam("region"),
                ctx.queryParam("caller"), QueryParams.integer(ctx, "min_calls", 0, 0, Integer.MAX_VALUE),
                QueryParams.integer(ctx, "limit", 1_000, 1, TemplateQuery.MAX_LIMIT), QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    }
}
