package dev.switchboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.SettingsSpec;
import dev.switchboard.store.QueryResult;
import dev.switchboard.store.ReadOnlyQuery;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code GET /api/query?sql=…} and {@code POST /api/query} (SQL as text, or JSON {@code {"sql": …}}): read-only SQL over the history. */
final class QueryRoutes {
    static final int MAX_ROWS = 10_000;
    private final Switchboard sb;

    QueryRoutes(Switchboard sb) {
        this.sb = sb;
    }

    void register(Javalin app) {
        app.get("/api/query", ctx -> answer(ctx, ctx.queryParam("sql")));
        app.post("/api/query", ctx -> answer(ctx, sqlFromBody(ctx)));
    }

    private static String sqlFromBody(Context ctx) throws Exception {
        String body = ctx.body();
        if (ctx.contentType() != null && ctx.contentType().startsWith("application/json")) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(body);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new dev.switchboard.ingest.BadBodyException("malformed JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.path("sql").isTextual()) throw new IllegalArgumentException("expected {\"sql\": \"…\"}");
            return node.get("sql").asText();
        }
        return body;
    }

    private void answer(Context ctx, String sql) {
        var db = sb.database().orElseThrow(() -> new IllegalArgumentException("this process has no history store"));
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(n -> n > 0 && n <= MAX_ROWS, "1.." + MAX_ROWS).getOrDefault(MAX_ROWS);
        QueryResult result = ReadOnlyQuery.run(db, sql, limit, sb.settings().get(SettingsSpec.QUERY_TIMEOUT));
        ctx.json(result);
    }
}
