package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.predict.PredictFixtures;
import dev.switchboard.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Model page in headless Chromium on a real server and DuckDB store with a simulated call history: no
 * model at first (the page says so), Retrain trains one and the page then shows the API's report (figures,
 * per-subject table, confusion matrix, candidates); today's scored calls show as the live accuracy.
 */
class ModelPageIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "web", "zone", PredictFixtures.ZONE.getId()), Map.of()));
        PredictFixtures.simulatedHistory(sb.database().orElseThrow(), 2_000, 6_000, 9);
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        browser = Browsers.headless(dir.resolve("chrome"), 1366, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (web != null) web.close();
        if (sb != null) sb.close();
    }

    @Test
    void retrainShowsTheReportOfTheApiAndTodaysScoredCalls() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.linkText("Model")).click();
        wait.until(b -> text("message").contains("No model yet"));
        assertThat(text("version")).isEqualTo("—");

        browser.findElement(By.cssSelector("[data-testid=simulated]")).click();
        browser.findElement(By.cssSelector("[data-testid=retrain]")).click();
        wait.until(b -> text("train-result").contains("installed"));
        // Calls scored today (after training, so they are not in its test split), then the page again.
        storeTodaysScoredCalls(sb.database().orElseThrow());
        browser.navigate().refresh();
        JsonNode model = get("/api/model");
        JsonNode live = get("/api/model/live");
        wait.until(b -> text("version").equals("v" + model.get("version").asInt()));

        assertThat(text("accuracy")).isEqualTo(pct(model.get("accuracy").asDouble()));
        assertThat(text("baseline-accuracy")).isEqualTo(pct(model.get("baseline_accuracy").asDouble()));
        assertThat(text("bayes-accuracy")).isEqualTo(pct(model.get("bayes_optimal_accuracy").asDouble()));
        assertThat(text("macro-f1")).isEqualTo(String.format(Locale.ROOT, "%.3f", model.get("macro_f1").asDouble()));
        assertThat(text("brier")).isEqualTo(String.format(Locale.ROOT, "%.3f", model.get("brier").asDouble()));
        JsonNode test = model.get("test");
        List<WebElement> perClass = browser.findElements(By.cssSelector("#per-class-rows tr"));
        assertThat(perClass).hasSize(test.get("labels").size());
        for (int i = 0; i < perClass.size(); i++) {
            String subject = test.get("labels").get(i).asText();
            List<WebElement> cells = perClass.get(i).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo(subject);
            assertThat(cells.get(3).getText()).isEqualTo(String.format(Locale.ROOT, "%.3f", test.at("/per_class/" + subject + "/f1").asDouble()));
            assertThat(cells.get(4).getText().replace(",", "")).isEqualTo(test.at("/per_class/" + subject + "/support").asText());
        }
        List<WebElement> confusion = browser.findElements(By.cssSelector("#confusion-rows tr"));
        for (int i = 0; i < confusion.size(); i++) {
            List<WebElement> cells = confusion.get(i).findElements(By.tagName("td"));
            for (int j = 0; j < test.get("labels").size(); j++)
                assertThat(cells.get(j + 1).getText().replace(",", "")).isEqualTo(test.get("confusion").get(i).get(j).asText());
        }
        assertThat(browser.findElements(By.cssSelector("#candidate-rows tr"))).hasSize(model.get("candidates").size());

        // Today: 3 scored calls with a subject, 2 right; one not scored.
        assertThat(live.get("scored").asLong()).isEqualTo(3);
        assertThat(text("live-accuracy")).isEqualTo(pct(live.get("accuracy").asDouble()));
        assertThat(text("live-correct")).isEqualTo("2");
        assertThat(text("live-not-scored")).isEqualTo("1");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN").doesNotContain("undefined");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "model.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void storeTodaysScoredCalls(Database db) {
        String[][] calls = {{"COMPLAINT", "COMPLAINT"}, {"JOINING", "JOINING"}, {"OTHER", "COMPLAINT"}, {null, "OTHER"}};
        OffsetDateTime noon = LocalDate.now(PredictFixtures.ZONE).atTime(12, 0).atZone(PredictFixtures.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        db.inTransaction("today's scored calls", c -> {
            try (var ps = c.prepareStatement("INSERT INTO call (call_id, queued_at, ended_at, outcome, predicted_subject, subject) VALUES (?, ?, ?, 'ANSWERED', ?, ?)")) {
                for (int i = 0; i < calls.length; i++) {
                    ps.setString(1, "today-" + i);
                    ps.setObject(2, noon.plusMinutes(i));
                    ps.setObject(3, noon.plusMinutes(i + 3));
                    ps.setString(4, calls[i][0]);
                    ps.setString(5, calls[i][1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String text(String testid) {
        return browser.findElement(By.cssSelector("[data-testid=" + testid + "]")).getText();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }
}
