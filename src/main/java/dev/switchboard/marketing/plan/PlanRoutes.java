package dev.switchboard.marketing.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.Json;
import dev.switchboard.web.ApiError;
import dev.switchboard.web.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved plans and their target lists (docs/MARKETING.md, "Policy &amp; plan"): {@code POST /api/marketing/plans}
 * saves (body {@code {name, criteria}}; 201 new, 200 replaced), {@code GET /api/marketing/plans} lists,
 * {@code GET|DELETE /api/marketing/plans/{name}}, {@code GET /api/marketing/plans/{name}/targets} runs a plan and
 * {@code POST /api/marketing/targets} runs unsaved criteria (the body). Runs take {@code from}, {@code to} (local
 * dates; default the plan's last {@code days} days to today), {@code sort}, {@code dir}, {@code limit},
 * {@code offset}, and {@code format=csv} for every matching row as CSV. A bad value is a 400 naming it, an
 * unknown plan a 404. IO only.
 */
public final class PlanRoutes {
    public static final String PLANS = "/api/marketing/plans";
    public static final String TARGETS = "/api/marketing/targets";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 10_000;

    private final PlanStore store;
    private final TargetList targets;
    private final ZoneId zone;
    private final Clock clock;

    public PlanRoutes(PlanStore store, TargetList targets, ZoneId zone, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.zone = zone;
        this.clock = clock;
    }

    /** No plan of that name: a 404. */
    static final class NoSuchPlan extends RuntimeException {
        NoSuchPlan(String name) {
            super("no plan named '" + name + "'");
        }
    }

    public void register(Javalin app) {
        app.post(PLANS, this::save);
        app.get(PLANS, ctx -> ctx.json(Map.of("plans", store.list().stream().map(PlanRoutes::json).toList())));
        app.get(PLANS + "/{name}", ctx -> ctx.json(json(plan(ctx))));
        app.delete(PLANS + "/{name}", ctx -> {
            if (!store.delete(ctx.pathParam("name"))) throw new NoSuchPlan(ctx.pathParam("name"));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.get(PLANS + "/{name}/targets", ctx -> {
            Plan p = plan(ctx).plan();
            run(ctx, p.name(), p.criteria());
        });
        app.post(TARGETS, ctx -> run(ctx, null, PlanCriteria.fromJson(body(ctx))));
        app.exception(NoSuchPlan.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("not found", e.getMessage())));
    }

    private void save(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.isObject()) throw new IllegalArgumentException("the body must be a JSON object {\"name\": …, \"criteria\": {…}}");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("name") && !name.equals("criteria"))
                throw new IllegalArgumentException(name + " is not a field; a plan is {\"name\": …, \"criteria\": {…}}");
        }
        JsonNode name = body.get("name");
        Plan plan = new Plan(Plan.checkName(name == null || !name.isTextual() ? null : name.asText()), PlanCriteria.fromJson(body.get("criteria")));
        boolean created = store.save(plan);
        ctx.status(created ? HttpStatus.CREATED : HttpStatus.OK).json(json(store.find(plan.name()).orElseThrow()));
    }

    private StoredPlan plan(Context ctx) {
        String name = ctx.pathParam("name");
        return store.find(name).orElseThrow(() -> new NoSuchPlan(name));
    }

    private void run(Context ctx, String name, PlanCriteria criteria) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = QueryParams.date(ctx, "from", null), to = QueryParams.date(ctx, "to", null);
        if (to == null) to = from == null || !from.isAfter(today) ? today : from;
        if (from == null) from = to.minusDays(criteria.days() - 1L);
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        String sort = ctx.queryParam("sort") == null || ctx.queryParam("sort").isBlank() ? "caller" : ctx.queryParam("sort").strip();
        String dir = ctx.queryParam("dir") == null || ctx.queryParam("dir").isBlank() ? "asc" : ctx.queryParam("dir").strip();
        if (!dir.equals("asc") && !dir.equals("desc")) throw new IllegalArgumentException("dir must be asc or desc, got '" + dir + "'");
        var order = TargetList.order(sort, dir.equals("desc"));
        String format = ctx.queryParam("format") == null || ctx.queryParam("format").isBlank() ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv")) throw new IllegalArgumentException("format must be json or csv, got '" + format + "'");
        int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);

        List<Target> rows = targets.targets(criteria, from, to).stream().sorted(order).toList();
        if (format.equals("csv")) {
            StringWriter out = new StringWriter();
            TargetCsv.write(out, rows);
            String file = "targets-" + (name == null ? "preview" : name.replace(' ', '_')) + "-" + from + "-" + to + ".csv";
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            ctx.contentType("text/csv; charset=utf-8").result(out.toString());
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("plan", name);
        answer.put("criteria", criteria.toJson());
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("total", rows.size());
        answer.put("offset", offset);
        answer.put("limit", limit);
        answer.put("sort", sort);
        answer.put("dir", dir);
        answer.put("rows", offset >= rows.size() ? List.of() : rows.subList(offset, Math.min(rows.size(), offset + limit)));
        ctx.json(answer);
    }

    private static JsonNode body(Context ctx) {
        try {
            return Json.MAPPER.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode json(StoredPlan p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", p.plan().name());
        o.set("criteria", p.plan().criteria().toJson());
        o.put("created_at", p.createdAt().toString());
        o.put("updated_at", p.updatedAt().toString());
        return o;
    }
}
