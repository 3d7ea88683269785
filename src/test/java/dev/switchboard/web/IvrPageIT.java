package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.ivr.IvrGenerator;
import dev.switchboard.ivr.IvrFixtures;
import dev.switchboard.ivr.IvrMediator;
import dev.switchboard.ivr.IvrSession;
import dev.switchboard.ivr.IvrStatus;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The IVR page in headless Chromium on a real server and DuckDB store holding the hand-worked sessions of
 * {@link IvrFixtures} (January to March 2026, Paris), a topic name that looks like HTML (2024) and six
 * months of generated sessions (2025): the tiles, the topic table, the heatmap and the sentiment table show
 * the hand-worked values, the charts draw, the API's 400 shows as a message, and a screenshot is taken.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IvrPageIT {
    static final String FIXTURE_RANGE = "from=2026-01-01&to=2026-03-31";
    static final String HTML_TOPIC = "<img src=x onerror=window.pwned=1>";
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "web", "zone", IvrFixtures.PARIS.getId()), Map.of()));
        Database db = sb.database().orElseThrow();
        List<IvrSession> sessions = new ArrayList<>(IvrFixtures.FIXTURE);
        sessions.add(IvrFixtures.session("x1", "c9", "2024-05-01T10:00:00Z", "Billing", HTML_TOPIC, IvrStatus.RESOLVED, 10, "Neutral"));
        IvrGenerator generator = new IvrGenerator(1500, 11, Instant.parse("2025-01-06T00:00:00Z"), 6, 0, 0);
        IvrMediator mediator = new IvrMediator();
        while (generator.hasNext()) {
            Mediated<IvrSession> m = mediator.mediate(new RawRecord("generator", IvrMediator.FORMAT, Instant.EPOCH, generator.next()));
            sessions.add(((Mediated.Clean<IvrSession>) m).value());
        }
        IvrFixtures.store(db, sessions);
        IvrFixtures.storeTurns(db, sessions);
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        browser = Browsers.headless(dir.resolve("chrome"), 1366, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
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
    void theMenuLeadsToThePageWhichShowsTheHandWorkedFigures() {
        browser.get(base + "/");
        browser.findElement(By.linkText("IVR")).click();
        wait.until(b -> b.findElement(By.tagName("body")).getAttribute("data-loaded") != null);
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("IVR");
        assertThat(text("sessions")).isEqualTo("1,507"); // everything: 6 + 1 + 1500

        browser.get(base + "/ivr.html?" + FIXTURE_RANGE);
        waitLoaded("2026-01-01..2026-03-31");
        assertThat(text("sessions")).isEqualTo("6");
        assertThat(text("customers")).isEqualTo("4");
        assertThat(text("resolution-rate")).isEqualTo("66.7 %");
        assertThat(text("escalation-rate")).isEqualTo("16.7 %");
        assertThat(text("abandonment-rate")).isEqualTo("16.7 %");
        assertThat(text("avg-duration")).isEqualTo("106.7 s");

        assertThat(rows("by-topic")).containsExactly(
                Map.of("type", "Billing", "topic", "Payment Issue", "sessions", "3", "resolved", "2", "rate", "66.7 %", "vs-overall", "±0.0 pts"),
                Map.of("type", "TechSupport", "topic", "Modem Setup", "sessions", "2", "resolved", "1", "rate", "50.0 %", "vs-overall", "−16.7 pts"),
                Map.of("type", "Account", "topic", "Password Reset", "sessions", "1", "resolved", "1", "rate", "100.0 %", "vs-overall", "+33.3 pts"));
        assertThat(rowsOf("[data-testid=heatmap] tbody tr")).containsExactly(
                Map.of("heat-abandoned", "0", "heat-escalated", "1", "heat-resolved", "2"),
                Map.of("heat-abandoned", "1", "heat-escalated", "0", "heat-resolved", "1"),
                Map.of("heat-abandoned", "0", "heat-escalated", "0", "heat-resolved", "1"));
        assertThat(rowsOf("[data-testid=sentiment] tbody tr")).extracting(r -> r.get("topic") + " " + r.get("sessions") + " "
                + r.get("sentiment-positive") + "/" + r.get("sentiment-neutral") + "/" + r.get("sentiment-negative"))
                .containsExactly("Modem Setup 2 0/1/1", "Password Reset 1 0/0/0", "Payment Issue 3 2/0/1");
        // the charts: three months, three topics
        JsonNode months = get("/api/ivr/by-month?" + FIXTURE_RANGE).get("months");
        assertThat(months).extracting(m -> m.get("month").asText()).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(browser.findElements(By.cssSelector("#month-chart canvas"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#topic-chart canvas"))).hasSize(1);
        assertThat((Long) browser.executeScript("return document.querySelectorAll('#topic-chart .u-legend .u-series').length")).isEqualTo(3L);
        assertThat(get("/api/ivr/heatmap?" + FIXTURE_RANGE).get("counts").toString()).isEqualTo("[[0,1,2],[1,0,1],[0,0,1]]");
        assertThat(browser.getPageSource()).doesNotContain("NaN");
    }

    @Test
    @Order(2)
    void aTopicThatLooksLikeHtmlStaysText() {
        browser.get(base + "/ivr.html?from=2024-01-01&to=2024-12-31");
        waitLoaded("2024-01-01..2024-12-31");
        assertThat(rows("by-topic")).extracting(r -> r.get("topic")).containsExactly(HTML_TOPIC);
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void aRangeTheApiRefusesShowsItsMessage() {
        browser.get(base + "/ivr.html?from=2026-03-01&to=2026-01-01");
        wait.until(b -> el("message").isDisplayed());
        assertThat(text("message")).contains("to must not be before from");
    }

    @Test
    @Order(4)
    void screenshot() throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        browser.get(base + "/ivr.html?from=2025-01-01&to=2025-12-31");
        waitLoaded("2025-01-01..2025-12-31");
        assertThat(rows("by-topic")).hasSize(11);
        browser.executeScript("window.scrollTo(0, 0)");
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(5000, height + 140)));
        Thread.sleep(300);
        Files.write(shots.resolve("ivr.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    static void waitLoaded(String range) {
        wait.until(b -> range.equals(b.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    static WebElement el(String id) {
        return browser.findElement(By.cssSelector("[data-testid=\"" + id + "\"]"));
    }

    static String text(String id) {
        return el(id).getText();
    }

    static List<Map<String, String>> rows(String table) {
        return rowsOf("[data-testid=\"" + table + "\"] tbody tr");
    }

    /** Each row's cells by their data-testid. */
    static List<Map<String, String>> rowsOf(String css) {
        List<Map<String, String>> out = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector(css))) {
            Map<String, String> row = new LinkedHashMap<>();
            for (WebElement td : tr.findElements(By.cssSelector("td[data-testid]"))) {
                if (!td.getAttribute("data-testid").equals("share")) row.put(td.getAttribute("data-testid"), td.getText());
            }
            out.add(row);
        }
        return out;
    }

    static JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }
}
