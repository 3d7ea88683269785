package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open mode, the refusal to listen on the network without a token, and the request rate per token, on a real
 * HTTP server and DuckDB store (two stand-in handlers on routes of the policy: access control runs before them).
 */
class OpenModeIT {
    @TempDir Path dir;
    StoreFixtures.TestStore testStore;
    Database db;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();

    AccessControl start(int requestsPerSecond) {
        testStore = StoreFixtures.fresh(Dialect.DUCKDB, dir);
        db = testStore.open();
        AccessControl access = new AccessControl(new Tokens(new TokenStore(db, Clock.systemUTC()), Clock.systemUTC()), requestsPerSecond);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        access.register(app);
        app.get("/api/stats", ctx -> ctx.result("stats"));
        app.post("/api/callcenter/reset", ctx -> ctx.result("reset"));
        return access;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.stop();
        if (db != null) db.close();
        if (testStore != null) testStore.close();
    }

    @Test
    void openModeLastsUntilTheFirstTokenAndTheSessionSaysWhichModeItIs() throws Exception {
        AccessControl access = start(0);
        access.listenOn("127.0.0.1");
        app.start("127.0.0.1", 0);
        assertThat(send("GET", "/api/session", null).body()).contains("\"access\":\"open\"", "\"role\":\"admin\"", "\"signed_in\":false");
        assertThat(send("POST", "/api/callcenter/reset", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/stats", "sb_unknown").statusCode()).as("a wrong token is refused even in open mode").isEqualTo(401);

        HttpResponse<String> made = send("POST", "/api/tokens", null, "{\"role\": \"admin\", \"name\": \"first\"}");
        assertThat(made.statusCode()).as("the first token can be made in open mode").isEqualTo(201);
        String admin = Json.MAPPER.readTree(made.body()).path("token").asText();
        assertThat(send("GET", "/api/stats", null).statusCode()).as("the first token ends open mode at once").isEqualTo(401);
        assertThat(send("GET", "/api/stats", admin).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/session", null).body()).contains("\"access\":\"tokens\"", "\"role\":null");
    }

    @Test
    void aNetworkAddressIsRefusedWithoutATokenAndTakenWithOne() throws Exception {
        AccessControl access = start(0);
        assertThatThrownBy(() -> access.listenOn("0.0.0.0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0 without an API token").hasMessageContaining("switchboard tokens create");
        access.listenOn("localhost");
        assertThat(access.open()).isTrue();
        new TokenStore(db, Clock.systemUTC()).create(AccessRole.VIEWER, "v");
        access.listenOn("0.0.0.0");
        app.start("0.0.0.0", 0);
        assertThat(send("GET", "/api/stats", null).statusCode()).isEqualTo(401);
        new TokenStore(db, Clock.systemUTC()).revoke("v");
        Thread.sleep(Tokens.REFRESH.toMillis() + 200);
        assertThat(access.open()).as("a server on the network never falls back to open mode").isFalse();
        assertThat(send("GET", "/api/stats", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterAndOtherTokensAreNotSlowed() throws Exception {
        start(5); // 5 a second, bursts of 10
        app.start("127.0.0.1", 0);
        TokenStore store = new TokenStore(db, Clock.systemUTC());
        String busy = store.create(AccessRole.VIEWER, "busy").secret();
        String calm = store.create(AccessRole.VIEWER, "calm").secret();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) answers.add(send("GET", "/api/stats", busy));
        assertThat(answers.subList(0, 10)).allMatch(r -> r.statusCode() == 200);
        HttpResponse<String> limited = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(Json.MAPPER.readTree(limited.body()).path("error").asText()).isEqualTo("too many requests");
        assertThat(send("GET", "/api/stats", calm).statusCode()).isEqualTo(200);
        Thread.sleep(1_100);
        assertThat(send("GET", "/api/stats", busy).statusCode()).as("the bucket refills").isEqualTo(200);
    }

    HttpResponse<String> send(String method, String path, String token) throws Exception {
        return send(method, path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
