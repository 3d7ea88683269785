package dev.switchboard.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/tokens} (admins): list, create (the answer holds the token, shown once) and revoke. */
final class TokenRoutes {
    private final Tokens tokens;

    TokenRoutes(Tokens tokens) {
        this.tokens = tokens;
    }

    void register(Javalin app) {
        app.get("/api/tokens", ctx -> ctx.json(Map.of("tokens", tokens.store().list())));
        app.post("/api/tokens", this::create);
        app.delete("/api/tokens/{id}", this::revoke);
    }

    private void create(Context ctx) throws Exception {
        JsonNode body = ctx.body().isBlank() ? null : Json.MAPPER.readTree(ctx.body());
        if (body == null || !body.path("role").isTextual() || !body.path("name").isTextual())
            throw new IllegalArgumentException("expected {\"role\": \"viewer|operator|admin\", \"name\": \"…\"}");
        IssuedToken issued = tokens.store().create(AccessRole.parse(body.get("role").asText()), body.get("name").asText());
        tokens.changed();
        Map<String, Object> answer = new LinkedHashMap<>(Json.MAPPER.convertValue(issued.token(), Map.class));
        answer.put("token", issued.secret());
        ctx.status(HttpStatus.CREATED).json(answer);
    }

    private void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,9}")) throw new IllegalArgumentException("a token id is a whole number");
        var revoked = tokens.store().revoke(id);
        tokens.changed();
        if (revoked.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("no such token", "no active token has id " + id));
            return;
        }
        ctx.json(revoked.get(0));
    }
}
