package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.billing.BillingRoutes;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.platform.Json;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Tariffs;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The billing API on a real HTTP server over DuckDB: run, bills as JSON and CSV, an escaped invoice, the live balance, errors. */
class BillingRoutesIT {
    static final String NASTY = "<b>\"x'&y</b>";
    @TempDir static Path dir;
    static StoreFixtures.TestStore store;
    static Database db;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        store = StoreFixtures.fresh(Dialect.DUCKDB, dir);
        db = store.open();
        BillingFixtures.march(db);
        BillingFixtures.voice(db, "n1", NASTY, "2026-03-12T10:00:00Z", 60, "1.00", "EUR", 60, 0);
        Tariffs base = BillingFixtures.tariffs();
        PlanVersion odd = BillingFixtures.plan("<script>alert(1)</script>", 1, "2026-01-01T00:00:00Z", "0.10");
        Map<String, List<PlanVersion>> plans = new java.util.HashMap<>(base.plans());
        plans.put(odd.planId(), List.of(odd));
        Map<String, String> assignments = new java.util.HashMap<>(base.assignments());
        assignments.put(NASTY, odd.planId());
        Tariffs tariffs = new Tariffs(plans, assignments, base.defaultPlan(), base.zone());
        BillingRun billing = new BillingRun(db, () -> Optional.of(tariffs), Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC));
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        });
        new BillingRoutes(billing).register(app);
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", "bad request", "details", e.getMessage())));
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        db.close();
        store.close();
    }

    @Test
    void aPeriodIsClosedAndServedAsJsonCsvAndAnEscapedInvoice() throws Exception {
        HttpResponse<String> run = send("POST", "/api/billing/run?period=2026-03");
        assertThat(run.statusCode()).isEqualTo(200);
        JsonNode summary = Json.MAPPER.readTree(run.body());
        assertThat(summary.path("subscribers").asInt()).isEqualTo(4);
        assertThat(summary.path("reconciled").asBoolean()).isTrue();
        assertThat(summary.path("totals").get(0).path("amount").isTextual()).isTrue();
        assertThat(summary.path("totals").get(0).path("amount").asText()).isEqualTo("2.863334");

        JsonNode bills = Json.MAPPER.readTree(send("GET", "/api/billing/bills?period=2026-03").body()).path("bills");
        assertThat(bills).hasSize(5);
        HttpResponse<String> csv = send("GET", "/api/billing/bills?period=2026-03&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("+33600000002,2026-03,USD,smart,1,0,100,120,0,0,3.00,0.055,0.17,3.17,0,");
        assertThat(csv.body()).contains("\"<b>\"\"x'&y</b>\"");

        HttpResponse<String> invoice = send("GET", "/api/billing/invoice/" + enc(NASTY) + "?period=2026-03");
        assertThat(invoice.statusCode()).isEqualTo(200);
        assertThat(invoice.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(invoice.body()).contains("&lt;b&gt;&quot;x&#39;&amp;y&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;", "1.10 EUR")
                .doesNotContain("<b>", "<script>");

        HttpResponse<String> a = send("GET", "/api/billing/invoice/" + enc(BillingFixtures.A) + "?period=2026-03");
        assertThat(a.body()).contains("basic", "1.413334 EUR", "0.30 EUR", "1.713334 EUR", "Free seconds used", "Tax (21 %)");

        assertThat(send("GET", "/api/billing/invoice/" + enc("+33111111111") + "?period=2026-03").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/billing/bills?period=March").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/billing/run").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/billing/bills?period=2026-03&format=xml").statusCode()).isEqualTo(400);
    }

    @Test
    void theLiveBalanceIsTheCurrentMonthSoFar() throws Exception {
        HttpResponse<String> r = send("GET", "/api/billing/current/" + enc(BillingFixtures.A));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = Json.MAPPER.readTree(r.body());
        assertThat(b.path("number").asText()).isEqualTo(BillingFixtures.A);
        assertThat(b.path("period").asText()).isEqualTo("2026-03");
        assertThat(b.path("as_of").asText()).isEqualTo("2026-03-20T12:00:00Z");
        JsonNode line = b.path("lines").get(0);
        assertThat(line.path("amount").asText()).isEqualTo("1.403333");
        assertThat(line.path("tax").asText()).isEqualTo("0.29");
        assertThat(line.path("total").asText()).isEqualTo("1.693333");
        assertThat(line.has("closed_at")).isFalse();
        // A literal '+' in the path (as curl sends it) is the number's '+', not a space.
        assertThat(Json.MAPPER.readTree(send("GET", "/api/billing/current/" + BillingFixtures.A).body()).path("lines")).hasSize(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2B", "%2B");
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        b.method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
