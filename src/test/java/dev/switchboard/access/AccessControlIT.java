package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.web.WebServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control on a real platform (embedded Kafka, DuckDB, every role): every route the server registers is
 * called by every kind of caller, and each gets exactly what its role allows. The expected role of a route is
 * stated here as the rule the product promises (reads for viewers, writes for operators, personal data, money
 * and the system for admins), not read from {@link RoutePolicy}.
 */
class AccessControlIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static TokenStore store;
    static final Map<AccessRole, String> TOKENS = new LinkedHashMap<>();
    static String revoked;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "all", "port", "0", "generator-rate", "1",
                "requests-per-second", "0"), Map.of());
        sb = Switchboard.start(settings);
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        store = new TokenStore(sb.database().orElseThrow(), Clock.systemUTC());
        for (AccessRole role : AccessRole.values()) TOKENS.put(role, store.create(role, role.key() + "-walk").secret());
        revoked = store.create(AccessRole.ADMIN, "gone").secret();
        store.revoke("gone");
    }

    @AfterAll
    static void stop() {
        web.close();
        sb.close();
    }

    /** What the product promises for a route; null: anyone. */
    static AccessRole expected(String method, String path) {
        if (path.equals("/health") || path.equals("/api/session")) return null;
        if (path.startsWith("/api/tokens") || path.startsWith("/api/query") || path.equals("/api/export")) return AccessRole.ADMIN;
        boolean read = method.equals("GET");
        if (!read && (path.startsWith("/api/customers") || path.startsWith("/api/tariffs") || path.equals("/api/billing/run"))) return AccessRole.ADMIN;
        if (read || path.equals("/api/model/predict") || path.equals("/api/marketing/targets")) return AccessRole.VIEWER;
        return AccessRole.OPERATOR;
    }

    @Test
    void everyRouteGivesEachCallerExactlyWhatItsRoleAllows() throws Exception {
        List<String> routes = web.routes();
        assertThat(routes).hasSizeGreaterThan(60).contains("GET /api/customers/{id}", "POST /api/ingest/{kind}", "GET /api/events",
                "POST /api/tokens", "GET /metrics");
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            if (route.equals("POST /api/session")) continue; // signing in is its own test below
            String path = sample(template);
            AccessRole need = expected(method, template);
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("no token", null);
            callers.put("unknown token", "sb_" + "x".repeat(43));
            callers.put("revoked token", revoked);
            TOKENS.forEach((role, secret) -> callers.put(role.key(), secret));
            for (var caller : callers.entrySet()) {
                int status = call(method, path, caller.getValue());
                calls++;
                Set<Integer> allowed = expectedStatuses(need, caller.getKey());
                boolean ok = allowed == null ? status != 401 && status != 403 : allowed.contains(status);
                if (!ok) wrong.add(route + " as " + caller.getKey() + ": " + status + " (expected " + (allowed == null ? "allowed" : allowed) + ")");
            }
        }
        assertThat(wrong).as("%d calls", calls).isEmpty();
    }

    /** null: the call must get through (any status but 401 and 403); else the statuses it must get. */
    private static Set<Integer> expectedStatuses(AccessRole need, String caller) {
        if (caller.equals("unknown token") || caller.equals("revoked token")) return Set.of(401); // a token that is not valid is refused even where none is needed
        if (need == null) return null;
        if (caller.equals("no token")) return Set.of(401);
        return AccessRole.parse(caller).includes(need) ? null : Set.of(403);
    }

    @Test
    void theRefusalsSayWhatIsNeededAndMarkTheScheme() throws Exception {
        HttpResponse<String> none = send("GET", "/api/stats", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"switchboard\"");
        JsonNode body = Json.MAPPER.readTree(none.body());
        assertThat(body.path("error").asText()).isEqualTo("not signed in");
        assertThat(body.path("details").asText()).contains("role viewer", "Authorization: Bearer");
        HttpResponse<String> low = send("POST", "/api/callcenter/reset", TOKENS.get(AccessRole.VIEWER), "");
        assertThat(low.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(low.body()).path("details").asText()).contains("needs role operator", "has role viewer");
        HttpResponse<String> basic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/stats"))
                .header("Authorization", "Basic YTpi").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).contains("Bearer <token>");
        HttpResponse<String> page = send("GET", "/", null, null);
        assertThat(page.statusCode()).as("the page shell itself holds no data: %s", page.body()).isEqualTo(200);
        assertThat(send("GET", "/signin.html", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void signingInSetsAnHttpOnlyCookieThatWorksLikeTheHeader() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/session", null, "{\"token\": \"sb_nope\"}");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> in = send("POST", "/api/session", null, "{\"token\": \"" + TOKENS.get(AccessRole.OPERATOR) + "\"}");
        assertThat(in.statusCode()).isEqualTo(200);
        JsonNode who = Json.MAPPER.readTree(in.body());
        assertThat(who.path("access").asText()).isEqualTo("tokens");
        assertThat(who.path("role").asText()).isEqualTo("operator");
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(AccessControl.COOKIE + "=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Cookie", pair).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.MAPPER.readTree(withCookie.body()).path("signed_in").asBoolean()).isTrue();
        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(base + "/api/callcenter/reset")).header("Cookie", pair)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isNotIn(401, 403);
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(base + "/api/query?sql=select%201")).header("Cookie", pair).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenRevokedElsewhereIsRefusedWithinTheRefreshTime() throws Exception {
        String secret = store.create(AccessRole.VIEWER, "short-lived").secret();
        awaitStatus("/api/stats", secret, 200);
        store.revoke("short-lived"); // as the CLI or another process would: straight in the store
        long t0 = System.nanoTime();
        awaitStatus("/api/stats", secret, 401);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Tokens.REFRESH.plusSeconds(2));
    }

    @Test
    void tokensAreManagedThroughTheApiByAdminsAndOnlyTheirHashIsStored() throws Exception {
        String admin = TOKENS.get(AccessRole.ADMIN);
        HttpResponse<String> made = send("POST", "/api/tokens", admin, "{\"role\": \"viewer\", \"name\": \"grafana\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode t = Json.MAPPER.readTree(made.body());
        String secret = t.path("token").asText();
        assertThat(secret).startsWith("sb_").hasSize(46);
        assertThat(t.path("role").asText()).isEqualTo("viewer");
        assertThat(send("GET", "/api/stats", secret, null).statusCode()).isEqualTo(200);
        String stored = sb.database().orElseThrow().read("read", c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("select string_agg(token_hash || name, ',') from api_token")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).doesNotContain(secret).contains(TokenStore.hash(secret));
        String listed = send("GET", "/api/tokens", admin, null).body();
        assertThat(listed).contains("grafana").doesNotContain(secret).doesNotContain(TokenStore.hash(secret));
        assertThat(send("POST", "/api/tokens", admin, "{\"role\": \"king\", \"name\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/api/tokens/" + t.path("id").asInt(), admin, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/stats", secret, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/tokens/" + t.path("id").asInt(), admin, null).statusCode()).isEqualTo(404);
    }

    private static void awaitStatus(String path, String token, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int last;
        while ((last = send("GET", path, token, null).statusCode()) != status) {
            assertThat(System.nanoTime()).as("%s stayed %d", path, last).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A concrete path for a route template. */
    static String sample(String template) {
        return template.replace("{kind}", "cdr").replace("{id}", "999").replace("{number}", "%2B12025550100").replace("{n}", "1")
                .replace("{name}", "nothing").replace("{prefix}", "%2B1202").replace("*", "nothing");
    }

    /** The status of one call; a body that streams (server-sent events) is not waited for. */
    static int call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET") && !method.equals("DELETE")) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (!"text/event-stream".equals(r.headers().firstValue("Content-Type").orElse("").split(";")[0])) in.readAllBytes();
        }
        return r.statusCode();
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
