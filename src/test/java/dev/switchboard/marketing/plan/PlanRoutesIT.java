package dev.switchboard.marketing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.marketing.HistoryTemplates;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan routes on a real HTTP server over a DuckDB store holding the hand-worked week (PlanFixture): save, re-run, page, sort, CSV, delete, 400s and 404s. */
class PlanRoutesIT {
    @TempDir static Path dir;
    static StoreFixtures.TestStore testStore;
    static Database db;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        testStore = StoreFixtures.fresh(Dialect.DUCKDB, dir);
        db = testStore.open();
        PlanFixture.store(db);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        // "today" is Sunday 8 March in New York: a plan of 8 days runs over 1–8 March
        Clock clock = Clock.fixed(Instant.parse("2026-03-08T20:00:00Z"), PlanFixture.ZONE);
        new PlanRoutes(new PlanStore(db, clock), new TargetList(new HistoryTemplates(db, PlanFixture.ZONE, "US"), new CountryCallers(db, PlanFixture.ZONE)),
                PlanFixture.ZONE, clock).register(app);
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(new ApiError("bad request", e.getMessage())));
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        db.close();
        testStore.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }

    static List<String> callers(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("rows").forEach(r -> out.add(r.path("caller").asText()));
        return out;
    }

    @Test
    void aPlanIsSavedReRunPagedSortedExportedReplacedAndDeleted() throws Exception {
        String plan = "{\"name\": \"Late callers\", \"criteria\": {\"from_hour\": 22, \"to_hour\": 6, \"days\": 8}}";
        JsonNode saved = json("POST", "/api/marketing/plans", plan, 201);
        assertThat(saved.path("name").asText()).isEqualTo("Late callers");
        assertThat(saved.path("criteria").toString()).isEqualTo("{\"tags\":[],\"business_types\":[],\"weekdays\":[],\"from_hour\":22,\"to_hour\":6,"
                + "\"country\":null,\"min_calls\":0,\"days\":8}");
        assertThat(json("GET", "/api/marketing/plans/Late%20callers", null, 200)).isEqualTo(saved);
        assertThat(json("GET", "/api/marketing/plans", null, 200).path("plans")).containsExactly(saved);

        JsonNode run = json("GET", "/api/marketing/plans/Late%20callers/targets", null, 200);
        assertThat(run.path("plan").asText()).isEqualTo("Late callers");
        assertThat(run.path("from").asText()).isEqualTo("2026-03-01");
        assertThat(run.path("to").asText()).isEqualTo("2026-03-08");
        assertThat(run.path("total").asInt()).isEqualTo(2);
        assertThat(run.path("rows").get(0).toString()).isEqualTo("{\"caller\":\"+12125550191\",\"tag\":\"HEALTH\",\"business_type\":\"HOSPITAL\","
                + "\"tag_share\":0.6667,\"calls\":3,\"weekday\":\"MONDAY\",\"hour\":23,\"confidence\":0.3333,\"zone\":\"America/New_York\",\"zone_guessed\":false}");
        assertThat(callers(run)).containsExactly(PlanFixture.P1, PlanFixture.P2);
        // explicit dates override the plan's window: nobody called late on 6–8 March
        assertThat(json("GET", "/api/marketing/plans/Late%20callers/targets?from=2026-03-06&to=2026-03-08", null, 200).path("total").asInt()).isZero();

        // replaced (same name): 200, the new criteria, the creation time kept
        JsonNode replaced = json("POST", "/api/marketing/plans", "{\"name\": \"Late callers\", \"criteria\": {\"days\": 8}}", 200);
        assertThat(replaced.path("created_at")).isEqualTo(saved.path("created_at"));
        assertThat(replaced.at("/criteria/from_hour").isNull()).isTrue();
        JsonNode page = json("GET", "/api/marketing/plans/Late%20callers/targets?sort=calls&dir=desc&limit=2&offset=2", null, 200);
        assertThat(page.path("total").asInt()).isEqualTo(6);
        assertThat(callers(page)).containsExactly(PlanFixture.P2, PlanFixture.P1); // 5, 4, [4, 3], 2, 1 calls
        assertThat(callers(json("GET", "/api/marketing/plans/Late%20callers/targets?sort=calls&dir=desc&limit=2&offset=6", null, 200))).isEmpty();

        HttpResponse<String> csv = send("GET", "/api/marketing/plans/Late%20callers/targets?format=csv&sort=confidence&dir=desc&limit=1", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"targets-Late_callers-2026-03-01-2026-03-08.csv\"");
        assertThat(csv.body()).isEqualTo("caller,tag,business_type,tag_share,calls,weekday,hour,confidence,zone,zone_guessed\r\n" // every row, not one page
                + "+14155550125,HEALTH,HOSPITAL,1.0000,1,SUNDAY,20,1.0000,America/Los_Angeles,false\r\n"
                + "+61412345678,PRIVATE,,1.0000,2,SATURDAY,7,1.0000,America/New_York,true\r\n"
                + "+12125550196,AD,FOOD,0.4000,5,MONDAY,12,0.6000,America/New_York,false\r\n"
                + "+12125550193,BUSINESS,BANKING,0.5000,4,THURSDAY,9,0.5000,America/New_York,false\r\n"
                + "+14155550122,AD,TRAVELING,0.5000,4,WEDNESDAY,2,0.5000,America/Los_Angeles,false\r\n"
                + "+12125550191,HEALTH,HOSPITAL,0.6667,3,MONDAY,23,0.3333,America/New_York,false\r\n");

        assertThat(send("DELETE", "/api/marketing/plans/Late%20callers", null).statusCode()).isEqualTo(204);
        assertThat(json("GET", "/api/marketing/plans/Late%20callers", null, 404).path("details").asText()).isEqualTo("no plan named 'Late callers'");
        json("GET", "/api/marketing/plans/Late%20callers/targets", null, 404);
        json("DELETE", "/api/marketing/plans/Late%20callers", null, 404);
        assertThat(json("GET", "/api/marketing/plans", null, 200).path("plans")).isEmpty();
    }

    @Test
    void aPreviewRunsUnsavedCriteria() throws Exception {
        JsonNode run = json("POST", "/api/marketing/targets?from=2026-03-01&to=2026-03-08",
                "{\"tags\": [\"health\"], \"business_types\": [\"Traveling\"], \"weekdays\": [\"sun\", \"MONDAY\", \"Wednesday\"]}", 200);
        assertThat(run.path("plan").isNull()).isTrue();
        assertThat(callers(run)).containsExactly(PlanFixture.P1, PlanFixture.P2, PlanFixture.P5);
        assertThat(callers(json("POST", "/api/marketing/targets?from=2026-03-01&to=2026-03-08&sort=caller&dir=desc", "{\"country\": \"de\"}", 200)))
                .containsExactly(PlanFixture.P4, PlanFixture.P6);
        HttpResponse<String> csv = send("POST", "/api/marketing/targets?from=2026-03-01&to=2026-03-08&format=csv", "{\"country\": \"JP\"}");
        assertThat(csv.body()).isEqualTo("caller,tag,business_type,tag_share,calls,weekday,hour,confidence,zone,zone_guessed\r\n");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("targets-preview-2026-03-01-2026-03-08.csv");
    }

    @Test
    void mistakesAre400sThatNameTheField() throws Exception {
        String[][] cases = {
                {"{\"name\": \"\", \"criteria\": {}}", "name must be 1 to 64"},
                {"{\"name\": \" lead\", \"criteria\": {}}", "not starting or ending with a space"},
                {"{\"name\": \"a/b\"}", "name must be"},
                {"{\"criteria\": {}}", "got none"},
                {"{\"name\": \"x\", \"criteria\": {\"tags\": [\"TRAVEL\"]}}", "criteria.tags: unknown value \"TRAVEL\""},
                {"{\"name\": \"x\", \"criteria\": {\"business_types\": [\"SPA\"]}}", "criteria.business_types: unknown value \"SPA\""},
                {"{\"name\": \"x\", \"criteria\": {\"weekdays\": [\"Funday\"]}}", "criteria.weekdays: unknown value \"Funday\""},
                {"{\"name\": \"x\", \"criteria\": {\"weekdays\": \"MONDAY\"}}", "criteria.weekdays must be an array"},
                {"{\"name\": \"x\", \"criteria\": {\"country\": \"XX\"}}", "criteria.country must be an ISO 3166 region code"},
                {"{\"name\": \"x\", \"criteria\": {\"from_hour\": 8}}", "criteria.from_hour and criteria.to_hour: give both"},
                {"{\"name\": \"x\", \"criteria\": {\"from_hour\": 8, \"to_hour\": 8}}", "are the same hour"},
                {"{\"name\": \"x\", \"criteria\": {\"from_hour\": 24, \"to_hour\": 8}}", "criteria.from_hour must be 0 to 23"},
                {"{\"name\": \"x\", \"criteria\": {\"from_hour\": 8, \"to_hour\": 25}}", "criteria.to_hour must be 0 to 24"},
                {"{\"name\": \"x\", \"criteria\": {\"from_hour\": \"8\", \"to_hour\": 9}}", "criteria.from_hour must be a whole number"},
                {"{\"name\": \"x\", \"criteria\": {\"min_calls\": -1}}", "criteria.min_calls must be 0 or more"},
                {"{\"name\": \"x\", \"criteria\": {\"days\": 0}}", "criteria.days must be 1 to 3660"},
                {"{\"name\": \"x\", \"criteria\": {\"tag\": [\"AD\"]}}", "criteria.tag is not a field"},
                {"{\"name\": \"x\", \"criterias\": {}}", "criterias is not a field"},
                {"[1]", "the body must be a JSON object"},
                {"{\"name\": ", "the body is not JSON"},
        };
        for (String[] c : cases)
            assertThat(json("POST", "/api/marketing/plans", c[0], 400).path("details").asText()).as(c[0]).contains(c[1]);
        assertThat(json("GET", "/api/marketing/plans", null, 200).path("plans")).isEmpty(); // nothing was saved

        json("POST", "/api/marketing/plans", "{\"name\": \"Everyone\"}", 201);
        String[][] runs = {
                {"?sort=national_id", "sort must be one of [caller, tag, business_type"},
                {"?dir=up", "dir must be asc or desc"},
                {"?limit=0", "limit must be a whole number from 1 to 10000"},
                {"?offset=-1", "offset must be a whole number"},
                {"?from=2026-03-08&to=2026-03-01", "to 2026-03-01 is before from 2026-03-08"},
                {"?from=March", "from must be a date YYYY-MM-DD"},
                {"?format=xlsx", "format must be json or csv"},
        };
        for (String[] r : runs)
            assertThat(json("GET", "/api/marketing/plans/Everyone/targets" + r[0], null, 400).path("details").asText()).as(r[0]).contains(r[1]);
        assertThat(json("POST", "/api/marketing/targets", "{\"weekdays\": [\"someday\"]}", 400).path("details").asText()).contains("criteria.weekdays");
        assertThat(send("DELETE", "/api/marketing/plans/Everyone", null).statusCode()).isEqualTo(204);
    }
}
