package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.marketing.TemplateRows.BestTime;
import dev.switchboard.marketing.TemplateRows.Country;
import dev.switchboard.marketing.TemplateRows.Duration;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/marketing/templates/{n} on a real HTTP server over a DuckDB store holding the hand-worked week. */
class TemplateRoutesIT {
    @TempDir static Path dir;
    static StoreFixtures.TestStore testStore;
    static Database db;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        testStore = StoreFixtures.fresh(Dialect.DUCKDB, dir);
        db = testStore.open();
        HistoryTemplatesIT.store(db, MarketingFixture.CDRS);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        // "today" is Sunday 8 March in New York: the default range is 2–8 March
        Clock clock = Clock.fixed(Instant.parse("2026-03-08T20:00:00Z"), MarketingFixture.ZONE);
        new TemplateRoutes(new HistoryTemplates(db, MarketingFixture.ZONE, "US"), Optional.empty(), MarketingFixture.ZONE, clock).register(app);
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(new ApiError("bad request", e.getMessage())));
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        db.close();
        testStore.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static <T> List<T> rows(String path, TypeReference<List<T>> type) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readValue(r.body(), type);
    }

    @Test
    void theRowsComeAsAJsonArrayWithTheFilters() throws Exception {
        HistoryTemplates t = new HistoryTemplates(db, MarketingFixture.ZONE, "US");
        assertThat(rows("/api/marketing/templates/0?from=2026-03-01&to=2026-03-08&group=day", new TypeReference<List<Duration>>() {}))
                .isEqualTo(t.duration(MarketingFixture.grouped("day")));
        assertThat(rows("/api/marketing/templates/3?from=2026-03-01&to=2026-03-08&region=fr", new TypeReference<List<Country>>() {}))
                .containsExactly(new Country(33, "FR", "France", 1, 300));
        List<BestTime> best = rows("/api/marketing/templates/4?from=2026-03-01&to=2026-03-08&min_calls=3&limit=1&offset=1",
                new TypeReference<List<BestTime>>() {});
        assertThat(best).extracting(BestTime::caller).containsExactly(MarketingFixture.C);
        // the default range, 2–8 March, leaves out call 1 (Sunday 1 March in New York)
        assertThat(rows("/api/marketing/templates/0?group=day", new TypeReference<List<Duration>>() {})).extracting(Duration::date)
                .extracting(Object::toString).containsExactly("2026-03-02", "2026-03-03", "2026-03-05");
        assertThat(get("/api/marketing/templates/2?from=2026-03-01&to=2026-03-08").body()).contains("\"tag_share\":0.5000");
    }

    @Test
    void badParametersAreA400NamingThem() throws Exception {
        for (String[] bad : new String[][] {{"/api/marketing/templates/7", "templates 0 to 4"}, {"/api/marketing/templates/x", "templates 0 to 4"},
                {"/api/marketing/templates/0?from=March", "from must be a date"}, {"/api/marketing/templates/0?from=2026-03-09&to=2026-03-01", "before"},
                {"/api/marketing/templates/0?group=week", "group must be"}, {"/api/marketing/templates/2?limit=0", "limit"},
                {"/api/marketing/templates/2?min_calls=lots", "min_calls must be a whole number"},
                {"/api/marketing/templates/1?source=live", "source=live"}, {"/api/marketing/templates/1?source=cache", "history or live"}}) {
            HttpResponse<String> r = get(bad[0]);
            assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(r.body()).path("details").asText()).as(bad[0]).contains(bad[1]);
        }
    }
}
