package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tariff API on a real HTTP server over a DuckDB store: the file format in and out, versions, assignments, JSON errors. */
class TariffRoutesIT {
    @TempDir static Path dir;
    static dev.switchboard.store.StoreFixtures.TestStore testStore;
    static Database db;
    static Javalin app;
    static final AtomicInteger changes = new AtomicInteger();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        testStore = TariffFixtures.fresh(Dialect.DUCKDB, dir);
        db = testStore.open();
        TariffStore store = new TariffStore(db);
        store.onChange(changes::incrementAndGet);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        new TariffRoutes(store).register(app);
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        db.close();
        testStore.close();
    }

    @Test
    void theWholeSetGoesInAndComesOutInTheFileFormat() throws Exception {
        String example = TariffFiles.json(ExampleTariffs.load());
        HttpResponse<String> posted = send("POST", "/api/tariffs", example);
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(posted.body()).path("versions").asInt()).isEqualTo(4);
        assertThat(changes.get()).isPositive();
        HttpResponse<String> got = send("GET", "/api/tariffs", null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(TariffFiles.read(new java.io.StringReader(got.body()))).isEqualTo(ExampleTariffs.load());

        HttpResponse<String> plan = send("GET", "/api/tariffs/plans/basic", null);
        JsonNode versions = Json.MAPPER.readTree(plan.body()).path("versions");
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(1).path("active_from").asText()).isEqualTo("2026-07-01T04:00:00Z");
        assertThat(send("GET", "/api/tariffs/plans/gold", null).statusCode()).isEqualTo(404);

        String v3 = """
                {"plan_id": "basic", "version": 3, "active_from": "2027-01-01", "currency": "USD", "tax_rate": "0.08",
                 "rates": [{"id": "us", "prefix": "1", "price_per_unit": "0.15"}]}""";
        HttpResponse<String> added = send("POST", "/api/tariffs/plans", v3);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(added.body()).path("active_from").asText()).isEqualTo("2027-01-01T05:00:00Z");
        HttpResponse<String> again = send("POST", "/api/tariffs/plans", v3);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(again.body()).path("error").asText()).isEqualTo("plan version exists already");

        HttpResponse<String> assigned = send("PUT", "/api/tariffs/assignments/%2B12015550123", "{\"plan_id\": \"smart\"}");
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(send("GET", "/api/tariffs", null).body()).path("assignments").path("+12015550123").asText()).isEqualTo("smart");
        assertThat(send("PUT", "/api/tariffs/assignments/+12015550124", "{\"plan_id\": \"smart\"}").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/tariffs/assignments/12015550125", "{\"plan_id\": \"gold\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsA400WithDetails() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/tariffs", "{\"default_plan\": \"x\", \"plans\": [{\"plan_id\": \"x\", \"currency\": \"USD\", "
                + "\"active_from\": \"soon\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(bad.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid tariff");
        assertThat(body.path("details").get(0).asText()).contains("plans[0]").contains("active_from").contains("soon");
        HttpResponse<String> syntax = send("POST", "/api/tariffs", "{\n\"plans\": [");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(syntax.body()).path("details").get(0).asText()).contains("line 2");
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
