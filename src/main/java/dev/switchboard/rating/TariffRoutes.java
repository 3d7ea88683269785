package dev.switchboard.rating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/tariffs}: the whole set (read, replace), one plan's versions (read, add) and a
 * subscriber's plan. Bodies and answers are the file format of docs/TARIFFS.md. IO only: the work is
 * the store's and TariffFiles'.
 */
public final class TariffRoutes {
    private final TariffStore store;

    public TariffRoutes(TariffStore store) {
        this.store = store;
    }

    public void register(Javalin app) {
        app.get("/api/tariffs", ctx -> ctx.contentType("application/json").result(TariffFiles.json(stored())));
        app.post("/api/tariffs", this::replace);
        app.get("/api/tariffs/plans/{id}", this::plan);
        app.post("/api/tariffs/plans", this::addVersion);
        app.put("/api/tariffs/assignments/{number}", this::assign);
        app.exception(TariffException.class, (e, ctx) -> ctx.status(status(e.code())).json(new ApiError(e.getMessage(), e.details())));
    }

    /** The body streams into the reader: a set of 100,000 rates is larger than a request body Javalin buffers. */
    private void replace(Context ctx) throws Exception {
        Tariffs tariffs;
        try (Reader in = new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8)) {
            tariffs = TariffFiles.read(in);
        }
        store.replace(tariffs);
        ctx.json(summary(tariffs));
    }

    private void plan(Context ctx) {
        List<PlanVersion> versions = store.versions(ctx.pathParam("id"));
        if (versions.isEmpty()) throw new TariffException(TariffException.Code.NOT_FOUND, "no plan " + ctx.pathParam("id"));
        ObjectNode answer = TariffJson.NODES.objectNode();
        answer.put("plan_id", ctx.pathParam("id"));
        var array = answer.putArray("versions");
        versions.forEach(v -> array.add(TariffJson.plan(v)));
        ctx.contentType("application/json").result(answer.toString());
    }

    private void addVersion(Context ctx) throws Exception {
        Tariffs current = stored();
        PlanVersion version;
        try (Reader in = new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8)) {
            version = TariffFiles.readPlan(in, current.zone());
        }
        store.addVersion(version);
        ctx.status(HttpStatus.CREATED).contentType("application/json").result(TariffJson.plan(version).toString());
    }

    /** Body {@code {"plan_id": "smart"}}. A '+' in a path may arrive decoded as a space, so the number is taken with or without it. */
    private void assign(Context ctx) throws Exception {
        String raw = ctx.pathParam("number").strip();
        String number = raw.startsWith("+") ? raw : "+" + raw;
        var body = TariffFiles.tree(new StringReader(ctx.body()));
        String planId = TariffJson.required(body, "plan_id", "body");
        store.assign(number, planId);
        ctx.json(Map.of("subscriber", number, "plan_id", planId));
    }

    private Tariffs stored() {
        return store.load().orElseThrow(() -> new TariffException(TariffException.Code.NOT_FOUND, "no tariff set is stored",
                List.of("load one with POST /api/tariffs or 'switchboard tariffs import FILE'")));
    }

    static Map<String, Object> summary(Tariffs t) {
        long versions = t.plans().values().stream().mapToLong(List::size).sum();
        long rates = t.plans().values().stream().flatMap(List::stream).mapToLong(v -> v.rates().size()).sum();
        return Map.of("plans", t.plans().size(), "versions", versions, "rates", rates, "assignments", t.assignments().size());
    }

    static HttpStatus status(TariffException.Code code) {
        return switch (code) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
