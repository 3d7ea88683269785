package dev.switchboard.web;

import static dev.switchboard.revenue.RevenueFixtures.cdr;
import static dev.switchboard.revenue.RevenueFixtures.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The revenue page in headless Chromium over rows written straight into the history: every figure it
 * shows equals the API's, the API's sums equal the hand-worked ones, and raw error payloads stay text.
 * The zone is one where it is about noon now, so the rows of the last minutes are "today".
 */
class RevenuePageIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String SCRIPT = "<script>window.pwned=1</script><b>bold</b>";

    @BeforeAll
    static void start() throws Exception {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "web",
                "zone", CallCenterPageIT.zoneAroundNoon().getId()), Map.of()));
        Database db = sb.database().orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // rated today: 1.25 + 0.10 + 2.005 = 3.355 EUR; not rated: r4 (voice), r5 (SMS)
        cdr(db, "r1", "+33612345678", "+33198765432", now.minusSeconds(600), 125, "VOICE", "ANSWERED", "Orange", "1.250000", "EUR");
        cdr(db, "r2", "+33612345678", "+12015550123", now.minusSeconds(500), 35, "VOICE", "ANSWERED", "Orange", "0.100000", "EUR");
        cdr(db, "r3", "+33700000001", "+4915112345678", now.minusSeconds(400), 60, "VOICE", "ANSWERED", "Vodafone", "2.005000", "EUR");
        cdr(db, "r4", "+33700000002", "+33198765432", now.minusSeconds(300), 240, "VOICE", "ANSWERED", "Orange", null, null);
        cdr(db, "r5", "+33700000002", "+442071234567", now.minusSeconds(200), null, "SMS", "ANSWERED", null, null, null);
        error(db, 1, now.minusSeconds(100), "INVALID_NUMBER:called_number,FUTURE_START", "{\"called_number\":\"abc\"}");
        error(db, 2, now.minusSeconds(90), "FUTURE_START", SCRIPT);
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        browser = Browsers.headless(dir.resolve("chrome"), 1366, 768);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (web != null) web.close();
        if (sb != null) sb.close();
    }

    @Test
    void pageShowsTheApiFiguresWithErrorSamplesAsText() throws Exception {
        JsonNode summary = get("/api/revenue/summary");
        assertThat(summary.at("/revenue_today/0/amount").asText()).isEqualTo("3.355");
        assertThat(summary.at("/revenue_period/0/amount").asText()).isEqualTo("3.355");
        assertThat(summary.get("not_rated").asLong()).isEqualTo(2);
        assertThat(summary.get("average_call_duration_sec").decimalValue()).isEqualByComparingTo("115.0"); // (125+35+60+240)/4
        assertThat(bad("/api/revenue/top?by=price").get("error").asText()).isEqualTo("bad request");
        assertThat(bad("/api/revenue/summary?period=2026-13").get("details").asText()).contains("YYYY-MM");

        browser.get(base + "/");
        browser.findElement(By.linkText("Revenue")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The page redraws its tables every few seconds: an element read mid-redraw is just read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        List<String> diff = new ArrayList<>();
        try {
            wait.until(b -> {
                diff.clear();
                diff.addAll(differences());
                return diff.isEmpty();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the page differs from the API: " + diff, e);
        }
        assertThat(browser.findElements(By.cssSelector("#daily-chart canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#country-chart canvas"))).isNotEmpty();
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN").doesNotContain("undefined");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "revenue.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> differences() {
        List<String> d = new ArrayList<>();
        JsonNode s = get("/api/revenue/summary");
        same(d, "revenue-today", amounts(s.get("revenue_today")));
        same(d, "revenue-period", amounts(s.get("revenue_period")));
        same(d, "avg-duration", s.get("average_call_duration_sec").decimalValue().setScale(1) + " s");
        for (String k : List.of("calls", "sms", "rated", "not_rated", "cdrs", "answered_calls", "today_rated", "today_not_rated"))
            same(d, k.replace('_', '-'), String.format("%,d", s.get(k).asLong()));
        rows(d, "top-amount", get("/api/revenue/top?by=amount&limit=10").get("rows"));
        rows(d, "top-usage", get("/api/revenue/top?by=usage&limit=10").get("rows"));
        rows(d, "dist-operator", get("/api/revenue/distribution?by=operator").get("rows"));
        rows(d, "dist-country", get("/api/revenue/distribution?by=country").get("rows"));
        JsonNode errors = get("/api/revenue/errors?limit_per_reason=3&period=" + s.get("period").asText());
        same(d, "error-rows", errors.get("rows").asText());
        for (JsonNode r : errors.get("reasons")) {
            List<WebElement> box = browser.findElements(By.cssSelector("[data-testid=reason][data-reason='" + r.get("reason").asText() + "']"));
            if (box.size() != 1) {
                d.add("reason " + r.get("reason") + " not shown");
                continue;
            }
            if (!box.get(0).findElement(By.cssSelector("[data-testid=reason-count]")).getText().equals(r.get("count").asText()))
                d.add("reason " + r.get("reason") + " count");
            List<String> shown = box.get(0).findElements(By.cssSelector("[data-testid=sample]")).stream().map(WebElement::getText).toList();
            List<String> api = new ArrayList<>();
            r.get("samples").forEach(x -> api.add(x.get("raw").asText()));
            if (!shown.equals(api)) d.add("samples of " + r.get("reason") + ": page " + shown + ", API " + api);
        }
        if (errors.at("/reasons/0/samples").toString().contains("window.pwned") || errors.toString().contains("pwned"))
            if (browser.findElements(By.xpath("//pre[contains(., '<script>')]")).isEmpty()) d.add("the script payload is not shown as text");
        return d;
    }

    private static void rows(List<String> d, String table, JsonNode rows) {
        List<WebElement> trs = browser.findElements(By.cssSelector("[data-testid='" + table + "'] [data-testid=row]"));
        if (trs.size() != rows.size()) {
            d.add(table + ": " + trs.size() + " rows on the page, " + rows.size() + " in the API");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            WebElement tr = trs.get(i);
            String amount = r.get("amount").isNull() ? "—" : r.get("amount").asText() + " " + r.get("currency").asText();
            String[][] expect = {{"key", r.hasNonNull("label") ? r.get("label").asText() : r.get("key").asText()},
                    {"calls", String.format("%,d", r.get("calls").asLong())}, {"sms", String.format("%,d", r.get("sms").asLong())},
                    {"minutes", r.get("minutes").decimalValue().setScale(1).toPlainString()}, {"amount", amount}};
            for (String[] e : expect) {
                String shown = tr.findElement(By.cssSelector("[data-testid='" + e[0] + "']")).getText();
                if (!shown.equals(e[1])) d.add(table + " row " + i + " " + e[0] + ": page " + shown + ", API " + e[1]);
            }
        }
    }

    private static String amounts(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(a -> parts.add(a.get("amount").asText() + " " + a.get("currency").asText()));
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static void same(List<String> d, String id, String expected) {
        String shown = browser.findElement(By.cssSelector("[data-testid='" + id + "']")).getText();
        if (!shown.equals(expected)) d.add(id + ": page " + shown + ", API " + expected);
    }

    private static JsonNode get(String path) {
        return call(path, 200);
    }

    private static JsonNode bad(String path) {
        return call(path, 400);
    }

    private static JsonNode call(String path, int status) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }
}
