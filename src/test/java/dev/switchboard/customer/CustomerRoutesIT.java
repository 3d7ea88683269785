package dev.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.access.AccessControl;
import dev.switchboard.access.AccessRole;
import dev.switchboard.access.TokenStore;
import dev.switchboard.access.Tokens;
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
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer API on a real HTTP server over a DuckDB store, behind access control: masked by default, full only for
 * an admin token (not for a viewer's, nor in open mode), JSON errors.
 */
class CustomerRoutesIT {
    static String admin;
    static String viewer;
    static final String NO_TOKEN = "";
    @TempDir static Path dir;
    @TempDir static Path openDir;
    static dev.switchboard.store.StoreFixtures.TestStore testStore;
    static dev.switchboard.store.StoreFixtures.TestStore openStore;
    static Database db;
    static Database openDb;
    static Javalin app;
    static Javalin noTokenApp;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        testStore = CustomerFixtures.fresh(Dialect.DUCKDB, dir);
        db = testStore.open();
        TokenStore tokens = new TokenStore(db, Clock.systemUTC());
        admin = tokens.create(AccessRole.ADMIN, "admin").secret();
        viewer = tokens.create(AccessRole.VIEWER, "viewer").secret();
        app = server(db);
        openStore = CustomerFixtures.fresh(Dialect.DUCKDB, openDir);
        openDb = openStore.open();
        noTokenApp = server(openDb); // no token in its store: open mode
    }

    static Javalin server(Database store) {
        Javalin j = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        new AccessControl(new Tokens(new TokenStore(store, Clock.systemUTC()), Clock.systemUTC()), 0).register(j);
        new CustomerRoutes(new CustomerStore(store, CustomerFixtures.cipher(), CustomerFixtures.CLOCK)).register(j);
        return j.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        noTokenApp.stop();
        db.close();
        testStore.close();
        openDb.close();
        openStore.close();
    }

    @Test
    void createdCustomersAreAnsweredMaskedByDefault() throws Exception {
        HttpResponse<String> created = send("POST", "/api/customers", json(CustomerFixtures.alice()), null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("45-6789\"", "1980", "Elm");
        JsonNode c = Json.MAPPER.readTree(created.body());
        assertThat(c.path("national_id").asText()).isEqualTo("***-**-6789");
        assertThat(c.path("birth_date").asText()).isEqualTo("****-**-**");
        assertThat(c.path("address").asText()).isEqualTo("***");
        assertThat(c.path("city").asText()).isEqualTo("Springfield");
        assertThat(c.path("subscriptions").get(0).path("product_code").asText()).isEqualTo("FIBER_100");
        long id = c.path("id").asLong();

        String one = send("GET", "/api/customers/" + id, null, null).body();
        assertThat(one).contains("***-**-6789").doesNotContain("123-45", "1980-06-15", "Elm Street");
        String list = send("GET", "/api/customers?city=Springfield&limit=10", null, null).body();
        assertThat(list).contains("***-**-6789").doesNotContain("123-45", "1980-06-15", "Elm Street");
        assertThat(Json.MAPPER.readTree(list).path("total").asLong()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(send("GET", "/api/customers?number=%2B12025550143", null, null).body()).path("customers").size()).isEqualTo(1);

        HttpResponse<String> full = send("GET", "/api/customers/" + id + "?full=true", null, admin);
        assertThat(full.statusCode()).isEqualTo(200);
        JsonNode f = Json.MAPPER.readTree(full.body());
        assertThat(f.path("national_id").asText()).isEqualTo("123-45-6789");
        assertThat(f.path("birth_date").asText()).isEqualTo("1980-06-15");
        assertThat(f.path("address").asText()).isEqualTo("12 Elm Street");
        assertThat(f.path("masked").asBoolean()).isFalse();

        assertThat(send("DELETE", "/api/customers/" + id, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/customers/" + id, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void fullRecordsAreRefusedWithoutAnAdminTokenEvenInOpenMode() throws Exception {
        assertThat(send("GET", "/api/customers?full=true", null, NO_TOKEN).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/customers?full=true", null, "sb_wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> asViewer = send("GET", "/api/customers?full=true", null, viewer);
        assertThat(asViewer.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(asViewer.body()).path("error").asText()).contains("admin role");
        assertThat(send("GET", "/api/customers", null, viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> open = sendTo(noTokenApp, "GET", "/api/customers?full=true", null, NO_TOKEN);
        assertThat(open.statusCode()).isEqualTo(403);
        assertThat(open.body()).contains("even in open mode");
        assertThat(sendTo(noTokenApp, "GET", "/api/customers", null, NO_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void updateReplacesTheRecordAndUnknownIdsAre404() throws Exception {
        long id = Json.MAPPER.readTree(send("POST", "/api/customers", json(CustomerFixtures.bob()), null).body()).path("id").asLong();
        String moved = json(CustomerFixtures.bob()).replace("Shelbyville", "Ogdenville");
        HttpResponse<String> put = send("PUT", "/api/customers/" + id, moved, null);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(put.body()).path("city").asText()).isEqualTo("Ogdenville");
        assertThat(send("PUT", "/api/customers/987654", moved, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/customers/987654", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> notFound = send("GET", "/api/customers/987654", null, null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(notFound.body()).path("error").asText()).isEqualTo("no customer 987654");
        send("DELETE", "/api/customers/" + id, null, null);
    }

    @Test
    void badBodiesAre400WithDetailsThatDoNotRepeatPersonalData() throws Exception {
        HttpResponse<String> broken = send("POST", "/api/customers", "{\"name\": ", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(broken.body()).path("error").asText()).isEqualTo("bad JSON");

        HttpResponse<String> badDate = send("POST", "/api/customers", json(CustomerFixtures.alice()).replace("1980-06-15", "1980-13-45"), null);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("birth_date").doesNotContain("1980-13-45");

        HttpResponse<String> invalid = send("POST", "/api/customers", "{\"name\": \"X\", \"phones\": [\"12\"]}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode e = Json.MAPPER.readTree(invalid.body());
        assertThat(e.path("error").asText()).isEqualTo("invalid customer");
        assertThat(e.path("details").toString()).contains("national_id: required", "birth_date: required", "sex: required", "is not an E.164 number");

        assertThat(send("GET", "/api/customers/abc", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/customers?limit=0", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void productsAreListedWithExactFees() throws Exception {
        JsonNode products = Json.MAPPER.readTree(send("GET", "/api/products", null, null).body());
        assertThat(products.size()).isEqualTo(6);
        assertThat(products.toString()).contains("\"code\":\"FIBER_1000\"", "\"monthly_fee\":\"55.00\"");
    }

    @Test
    void importTakesCsvAndJsonAndIsIdempotent() throws Exception {
        java.io.StringWriter csv = new java.io.StringWriter();
        CustomerFormats.writeCsv(csv, java.util.List.of(new CustomerDraft("Carol Imported", "555-12-3456", java.time.LocalDate.of(1970, 1, 1),
                dev.switchboard.callcenter.Sex.F, "1 Import Way", "Importville", null, java.util.List.of("+12025550190"), java.util.List.of())));
        HttpResponse<String> first = send("POST", "/api/customers/import", csv.toString(), null, "text/csv");
        assertThat(Json.MAPPER.readTree(first.body()).path("created").asInt()).isEqualTo(1);
        HttpResponse<String> again = send("POST", "/api/customers/import", csv.toString(), null, "text/csv");
        assertThat(Json.MAPPER.readTree(again.body()).path("updated").asInt()).isEqualTo(1);
        String ndjson = json(new CustomerDraft("Dan Json", "555-98-7654", java.time.LocalDate.of(1960, 1, 1), dev.switchboard.callcenter.Sex.M,
                "2 Import Way", "Importville", null, java.util.List.of("+12025550191"), java.util.List.of()));
        HttpResponse<String> nd = send("POST", "/api/customers/import", ndjson + "\n", null, "application/x-ndjson");
        assertThat(Json.MAPPER.readTree(nd.body()).path("created").asInt()).isEqualTo(1);
    }

    static String json(CustomerDraft d) throws Exception {
        return Json.MAPPER.writeValueAsString(d);
    }

    static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return sendTo(app, method, path, body, token, "application/json");
    }

    static HttpResponse<String> send(String method, String path, String body, String token, String type) throws Exception {
        return sendTo(app, method, path, body, token, type);
    }

    static HttpResponse<String> sendTo(Javalin server, String method, String path, String body, String token) throws Exception {
        return sendTo(server, method, path, body, token, "application/json");
    }

    static HttpResponse<String> sendTo(Javalin server, String method, String path, String body, String token, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        String t = token == null ? admin : token; // null: the admin's token, without asking for full records
        if (!t.isEmpty()) b.header("Authorization", "Bearer " + t);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
