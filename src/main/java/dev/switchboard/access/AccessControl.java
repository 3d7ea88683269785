package dev.switchboard.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every request against {@link RoutePolicy} before its handler runs. A token comes as
 * {@code Authorization: Bearer …} or, for the dashboard, in the cookie the sign-in sets. No token or an
 * unknown or revoked one gets 401, a token whose role is too low 403, a token over its request rate 429.
 *
 * <p>Open mode: while no token exists and the server listens on a loopback address only, requests
 * without a token are served as the local user's (everything but personal data in full). The first
 * token created ends open mode; a server on any other address never has it.
 */
public final class AccessControl {
    public static final String COOKIE = "switchboard_token";
    private final Tokens tokens;
    private final RequestRate rate;
    private volatile boolean loopback = true;

    public AccessControl(Tokens tokens, int requestsPerSecond) {
        this.tokens = tokens;
        this.rate = new RequestRate(requestsPerSecond);
    }

    /** A request refused by access control, with its status and a message that says what to do. */
    public static final class Refused extends RuntimeException {
        private final HttpStatus status;
        private final long retryAfter;

        Refused(HttpStatus status, String message, long retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        Refused(HttpStatus status, String message) {
            this(status, message, 0);
        }
    }

    public void register(Javalin app) {
        app.beforeMatched(this::check);
        app.exception(Refused.class, (e, ctx) -> {
            if (e.status == HttpStatus.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\"");
            if (e.retryAfter > 0) ctx.header("Retry-After", String.valueOf(e.retryAfter));
            ctx.status(e.status).json(new ApiError(switch (e.status) {
                case UNAUTHORIZED -> "not signed in";
                case FORBIDDEN -> "not allowed";
                case TOO_MANY_REQUESTS -> "too many requests";
                default -> "refused";
            }, e.getMessage()));
        });
        new SessionRoutes(this).register(app);
        new TokenRoutes(tokens).register(app);
    }

    /**
     * Takes the address the server is about to listen on. Refuses one that is not loopback while no
     * token exists: such a server would be open to the network, or closed to everyone.
     */
    public void listenOn(String host) {
        boolean local = isLoopback(host);
        tokens.changed(); // read the store now: a token made a moment ago counts
        if (!local && tokens.none())
            throw new IllegalStateException("refusing to listen on " + host + " without an API token: create one first with "
                    + "'switchboard tokens create --role admin --name NAME', or listen on 127.0.0.1");
        loopback = local;
    }

    /** Every registered route that {@link RoutePolicy} does not name; a server with any must not start. */
    public static List<String> uncovered(List<String> routes) {
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            if (RoutePolicy.need(parts[0], parts[1]).isEmpty()) missing.add(route);
        }
        return missing;
    }

    boolean open() {
        return loopback && tokens.none();
    }

    /** The caller a token found, or what a request without one is. */
    Caller identify(Optional<String> secret) {
        if (secret.isPresent()) {
            ApiToken token = tokens.find(secret.get()).orElseThrow(() -> new Refused(HttpStatus.UNAUTHORIZED,
                    "the token is not valid: unknown or revoked"));
            return Caller.holding(token);
        }
        return open() ? Caller.LOCAL : Caller.NOBODY;
    }

    private void check(Context ctx) {
        String route = ctx.method().name() + " " + ctx.endpointHandlerPath();
        RoutePolicy.Need need = RoutePolicy.need(ctx.method().name(), ctx.endpointHandlerPath())
                .orElseThrow(() -> new Refused(HttpStatus.FORBIDDEN, "no access rule for " + route));
        Caller caller = identify(presented(ctx));
        ctx.attribute(Caller.ATTRIBUTE, caller);
        if (caller.token().isPresent()) {
            long wait = rate.waitSeconds(caller.token().get().id(), System.nanoTime());
            if (wait > 0) throw new Refused(HttpStatus.TOO_MANY_REQUESTS, "this token sent more requests than its limit of "
                    + "requests-per-second allows; retry in " + wait + " s", wait);
        }
        Optional<AccessRole> needed = need.role();
        if (needed.isEmpty()) return;
        if (caller.role().isEmpty())
            throw new Refused(HttpStatus.UNAUTHORIZED, "this needs a token with role " + needed.get().key() + " or above: send "
                    + "'Authorization: Bearer <token>' (switchboard tokens create prints one)");
        if (!caller.may(needed.get()))
            throw new Refused(HttpStatus.FORBIDDEN, "this needs role " + needed.get().key() + " or above; the token '"
                    + caller.token().map(ApiToken::name).orElse("") + "' has role " + caller.role().get().key());
    }

    /** The token a request carries: the Authorization header, else the sign-in cookie. */
    static Optional<String> presented(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank())
                throw new Refused(HttpStatus.UNAUTHORIZED, "the Authorization header must be 'Bearer <token>'");
            return Optional.of(header.substring(7).strip());
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie == null || cookie.isBlank() ? Optional.empty() : Optional.of(cookie);
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) if (!a.isLoopbackAddress()) return false;
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the address to listen on: " + host);
        }
    }

    /** {@code /api/session}: who the dashboard is signed in as; sign in with a token (sets the cookie); sign out. */
    private static final class SessionRoutes {
        private final AccessControl access;

        SessionRoutes(AccessControl access) {
            this.access = access;
        }

        void register(Javalin app) {
            app.get("/api/session", ctx -> ctx.json(describe(Caller.of(ctx))));
            app.post("/api/session", this::signIn);
            app.delete("/api/session", ctx -> {
                ctx.removeCookie(COOKIE, "/");
                ctx.status(HttpStatus.NO_CONTENT);
            });
        }

        private void signIn(Context ctx) throws Exception {
            Optional<String> secret = presented(ctx).filter(s -> ctx.header("Authorization") != null);
            if (secret.isEmpty()) {
                JsonNode body = ctx.body().isBlank() ? null : Json.MAPPER.readTree(ctx.body());
                if (body == null || !body.path("token").isTextual() || body.get("token").asText().isBlank())
                    throw new Refused(HttpStatus.UNAUTHORIZED, "send the token as {\"token\": \"…\"} or in 'Authorization: Bearer <token>'");
                secret = Optional.of(body.get("token").asText().strip());
            }
            Caller caller = access.identify(secret);
            Cookie cookie = new Cookie(COOKIE, secret.get());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setSecure("https".equals(ctx.scheme()));
            ctx.cookie(cookie);
            ctx.json(describe(caller));
        }

        private Map<String, Object> describe(Caller caller) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access", access.open() ? "open" : "tokens");
            body.put("signed_in", caller.token().isPresent());
            body.put("name", caller.token().map(ApiToken::name).orElse(null));
            body.put("role", caller.role().map(AccessRole::key).orElse(null));
            return body;
        }
    }
}
