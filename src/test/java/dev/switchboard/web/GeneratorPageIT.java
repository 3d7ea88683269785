package dev.switchboard.web;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The generator page in headless Chromium on a real process with the generate role: Kafka, mediation,
 * rating and the store sink running, so what the page sets is judged by the CDRs that reach the SQL
 * history. Start, a change of type distribution and rate while running (then only SMS are stored, at
 * about the new rate), Stop (the count stops), and a refused value that changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratorPageIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static Database db;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web,generate",
                "generator-rate", "20"), Map.of()));
        db = sb.database().orElseThrow();
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        browser = Browsers.headless(dir.resolve("chrome"), 1366, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (web != null) web.close();
        if (sb != null) sb.close();
    }

    @Test
    @Order(1)
    void startThenSwitchToSmsOnlyAtAnotherRateWhileRunning() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.linkText("Generator")).click();
        wait.until(b -> el("settings").getAttribute("data-filled") != null);
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Generator");
        assertThat(el("state").getText()).isEqualToIgnoringCase("stopped"); // made by the process, started by whoever runs it
        assertThat(el("records_per_second").getAttribute("value")).isEqualTo("20");
        assertThat(el("sms_share").getAttribute("value")).isEqualTo("0.25");
        assertThat(new Select(el("call_time_mode")).getOptions()).extracting(WebElement::getText)
                .containsExactly("UNIFORM", "BUSINESS_HOURS", "EVENING", "MIDNIGHT");
        assertThat(new Select(el("gap_distribution")).getOptions()).extracting(WebElement::getText)
                .containsExactly("EXPONENTIAL", "POISSON", "UNIFORM");

        el("start").click();
        wait.until(b -> el("state").getText().equalsIgnoreCase("running") && sent() >= 40);
        // Voice and SMS both reach the store first: the SMS-only check below can tell.
        wait.until(b -> storedSince(Instant.EPOCH).getOrDefault("VOICE", 0L) > 10);

        set("sms_share", "1");
        set("records_per_second", "40");
        new Select(el("call_time_mode")).selectByVisibleText("UNIFORM");
        el("apply").click();
        wait.until(b -> el("message").getText().startsWith("Applied"));
        assertThat(el("effective-sms_share").getText()).isEqualTo("100 %");
        assertThat(el("effective-records_per_second").getText()).isEqualTo("40");
        Instant since = Instant.parse(api("GET", "").path("settings_since").asText());

        // The rate shown: measured over 5 s, so read once 5 s of the new rate have passed.
        Thread.sleep(6000);
        double shown = Double.parseDouble(el("measured-rate").getText().replace(",", ""));
        assertThat(shown).isBetween(25.0, 55.0);
        assertThat(el("target-rate").getText()).isEqualTo("40");

        // What the store got: records drawn before the change end (and so start) at or before that second.
        Instant after = since.plusSeconds(1);
        wait.until(b -> storedSince(after).values().stream().mapToLong(Long::longValue).sum() >= 100);
        assertThat(storedSince(after).keySet()).containsOnly("SMS");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN").doesNotContain("undefined");
    }

    @Test
    @Order(2)
    void stopEndsTheRecords() throws Exception {
        el("stop").click();
        wait.until(b -> el("state").getText().equalsIgnoreCase("stopped"));
        long stoppedAt = api("GET", "").path("sent").asLong();
        wait.until(b -> sent() == stoppedAt);
        Thread.sleep(2500);
        assertThat(sent()).isEqualTo(stoppedAt);
        assertThat(api("GET", "").path("sent").asLong()).isEqualTo(stoppedAt);
        assertThat(el("start").isEnabled()).isTrue();
        assertThat(el("stop").isEnabled()).isFalse();
    }

    @Test
    @Order(3)
    void aRefusedValueIsShownAndChangesNothing() throws Exception {
        JsonNode before = api("GET", "").path("settings");
        set("sms_share", "1.5");
        set("error_rate", "0.2");
        el("apply").click();
        wait.until(b -> el("message").getText().startsWith("Not applied"));
        assertThat(el("message").getText()).contains("sms_share must be in [0, 1]: 1.5").contains("unchanged");
        assertThat(el("sms_share").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api("GET", "").path("settings")).isEqualTo(before); // error_rate too: nothing of a refused body applies
        assertThat(el("effective-sms_share").getText()).isEqualTo("100 %");
        assertThat(el("effective-error_rate").getText()).isEqualTo("3 %");

        // The API says the same to any client, and a partial body of one unknown field changes nothing either.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/generator/cdr")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"records_per_second\": 5, \"smsShare\": 0.5}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).path("details").asText()).startsWith("unknown setting 'smsShare'");
        assertThat(api("GET", "").path("settings")).isEqualTo(before);

        el("revert").click();
        wait.until(b -> el("sms_share").getAttribute("value").equals("1"));
        assertThat(el("sms_share").getAttribute("aria-invalid")).isNull();
    }

    @Test
    @Order(4)
    void screenshot() throws Exception {
        set("sms_share", "0.4");
        new Select(el("call_time_mode")).selectByVisibleText("MIDNIGHT");
        el("apply").click();
        wait.until(b -> el("message").getText().startsWith("Applied"));
        el("start").click();
        wait.until(b -> el("state").getText().equalsIgnoreCase("running"));
        Thread.sleep(3000);
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(4000, height + 140)));
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("generator.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN").doesNotContain("undefined");
    }

    // ---- helpers

    static WebElement el(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    static void set(String field, String value) {
        WebElement input = el(field);
        input.clear();
        input.sendKeys(value);
    }

    static long sent() {
        String v = el("sent").getAttribute("data-value");
        return v == null || v.isEmpty() ? -1 : Long.parseLong(v);
    }

    /** Stored CDRs by type that started at or after {@code from}. */
    static Map<String, Long> storedSince(Instant from) {
        return db.read("test", c -> {
            Map<String, Long> byType = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("select type, count(*) from cdr where start_time >= ? group by type")) {
                s.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) byType.put(r.getString(1), r.getLong(2));
                }
            }
            return byType;
        });
    }

    static JsonNode api(String method, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/generator/cdr" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }
}
