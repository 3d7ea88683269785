package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory API on a real HTTP server over a DuckDB store: import, list, lookup, upsert, delete, JSON errors. */
class DirectoryRoutesIT {
    @TempDir static Path dir;
    static StoreFixtures.TestStore testStore;
    static Database db;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String CSV = """
            prefix,business_type,name
            +12015550123,FOOD,Golden Pizza
            +12015550124,Dress code,Maple Boutique
            +1800234,BANKING,Union Bank block
            +18002345678,TRAVELING,Harbor Airlines
            """;

    @BeforeAll
    static void start() {
        testStore = StoreFixtures.fresh(Dialect.DUCKDB, dir);
        db = testStore.open();
        DirectoryStore store = new DirectoryStore(db);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        new DirectoryRoutes(store, LiveDirectory.of(store)).register(app);
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        db.close();
        testStore.close();
    }

    @Test
    void aCsvImportIsListedLookedUpChangedAndExported() throws Exception {
        HttpResponse<String> imported = send("POST", "/api/marketing/directory?mode=replace", CSV, "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).path("size").asInt()).isEqualTo(4);

        JsonNode page = json(send("GET", "/api/marketing/directory?tag=ad&limit=1", null, null));
        assertThat(page.path("total").asInt()).isEqualTo(3); // food, dress code, traveling
        assertThat(page.path("entries").size()).isEqualTo(1);
        assertThat(page.path("entries").get(0).path("prefix").asText()).isEqualTo("+12015550123");
        assertThat(page.path("entries").get(0).path("label").asText()).isEqualTo("Food");
        JsonNode second = json(send("GET", "/api/marketing/directory?tag=AD&limit=1&offset=1", null, null));
        assertThat(second.path("entries").get(0).path("business_type").asText()).isEqualTo("DRESS_CODE");
        assertThat(json(send("GET", "/api/marketing/directory?type=banking", null, null)).path("total").asInt()).isEqualTo(1);

        JsonNode inBlock = json(send("GET", "/api/marketing/directory/lookup/%2B18002345000", null, null));
        assertThat(inBlock.path("tag").asText()).isEqualTo("BUSINESS");
        assertThat(inBlock.path("business_type").asText()).isEqualTo("BANKING");
        assertThat(inBlock.path("matched_prefix").asText()).isEqualTo("+1800234");
        JsonNode airline = json(send("GET", "/api/marketing/directory/lookup/+18002345678", null, null)); // '+' read as a space
        assertThat(airline.path("business_type").asText()).isEqualTo("TRAVELING");
        JsonNode person = json(send("GET", "/api/marketing/directory/lookup/%2B33612345678", null, null));
        assertThat(person.path("tag").asText()).isEqualTo("PRIVATE");
        assertThat(person.path("business_type").isNull()).isTrue();

        HttpResponse<String> created = send("PUT", "/api/marketing/directory/%2B12015550999", "{\"business_type\": \"hospital\", \"name\": \"General\"}",
                "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("tag").asText()).isEqualTo("HEALTH");
        assertThat(send("PUT", "/api/marketing/directory/%2B12015550999", "{\"business_type\": \"CLINIC\"}", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(json(send("GET", "/api/marketing/directory/lookup/%2B12015550999", null, null)).path("business_type").asText()).isEqualTo("CLINIC");
        assertThat(send("DELETE", "/api/marketing/directory/%2B12015550999", null, null).statusCode()).isEqualTo(204);
        assertThat(json(send("GET", "/api/marketing/directory/lookup/%2B12015550999", null, null)).path("tag").asText()).isEqualTo("PRIVATE");

        HttpResponse<String> merged = send("POST", "/api/marketing/directory", "prefix,business_type\n+12015550125,JOB\n", "text/csv");
        assertThat(json(merged).path("mode").asText()).isEqualTo("merge");
        assertThat(json(merged).path("size").asInt()).isEqualTo(5);

        HttpResponse<String> csv = send("GET", "/api/marketing/directory?format=csv", null, null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(DirectoryCsv.read(new StringReader(csv.body()))).hasSize(5).contains(new DirectoryEntry("+1800234", BusinessType.BANKING, "Union Bank block"));
    }

    @Test
    void mistakesAreJsonErrorsWithA4xxStatus() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/marketing/directory?mode=replace", "prefix,business_type\n+1,FOOD\n1,BAKERY\n", "text/csv");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("error").asText()).isEqualTo("bad directory CSV");
        assertThat(json(bad).path("details").get(0).asText()).startsWith("line 3: prefix '1'");
        assertThat(send("POST", "/api/marketing/directory?mode=upsert", "prefix,business_type\n", "text/csv").statusCode()).isEqualTo(400);
        HttpResponse<String> type = send("PUT", "/api/marketing/directory/%2B1201", "{\"business_type\": \"BAKERY\"}", "application/json");
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(json(type).path("error").asText()).isEqualTo("unknown business_type");
        assertThat(send("PUT", "/api/marketing/directory/%2B12x", "{\"business_type\": \"FOOD\"}", "application/json").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/marketing/directory/%2B1201", "{not json", "application/json").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = send("DELETE", "/api/marketing/directory/%2B1999", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).isEqualTo("no entry +1999");
        assertThat(send("GET", "/api/marketing/directory?tag=nope", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/marketing/directory?limit=0", null, null).statusCode()).isEqualTo(400);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    static HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
