package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.access.AccessControl;
import dev.switchboard.access.AccessRole;
import dev.switchboard.access.TokenStore;
import dev.switchboard.app.Switchboard;
import dev.switchboard.platform.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live page in a real headless Chromium: counters appear and follow records posted to the API; signing in once tokens exist. */
class DashboardIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web"), Map.of()));
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        browser = Browsers.headless(dir.resolve("chrome"), 1200, 700);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (web != null) web.close();
        if (sb != null) sb.close();
    }

    @Test
    void liveCountersFollowRecordsPostedToTheApi() throws Exception {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The page redraws its tables every few seconds: an element read mid-redraw is just read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> b.findElement(By.id("status")).getText().equals("live"));
        assertThat(text("cdr-in")).isEqualTo("0");

        String good = "{\"id\":\"d-%d\",\"calling_number\":\"+12025550143\",\"called_number\":\"+442071838750\","
                + "\"start_time\":\"2026-03-02T10:00:00Z\",\"duration_sec\":%d,\"type\":\"VOICE\",\"result\":\"ANSWERED\"}\n";
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 5; i++) body.append(good.formatted(i, 10 * i));
        body.append(good.formatted(1, 10)).append("{\"id\":\"broken\"\n");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/cdr"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);

        wait.until(b -> text("cdr-in").equals("7") && text("cdr-duplicate").equals("1"));
        assertThat(text("cdr-clean")).isEqualTo("5");
        assertThat(text("cdr-error")).isEqualTo("1");
        wait.until(b -> text("balance").startsWith("All records accounted for"));
        Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** With a token created the pages need signing in: the sign-in page, a wrong token, the demo's link, signing out. */
    @Test
    void withTokensThePagesAskToSignInAndShowWhoIsSignedIn() throws Exception {
        TokenStore tokens = new TokenStore(sb.database().orElseThrow(), Clock.systemUTC());
        String secret = tokens.create(AccessRole.VIEWER, "wallboard").secret();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(b -> {
                b.get(base + "/callcenter.html?date=2026-03-02");
                return new WebDriverWait(b, Duration.ofSeconds(5)).until(x -> x.getCurrentUrl().contains("/signin.html"));
            });
            assertThat(browser.getCurrentUrl()).endsWith("/signin.html?next=%2Fcallcenter.html%3Fdate%3D2026-03-02");
            browser.findElement(By.cssSelector("[data-testid=signin-token]")).sendKeys("sb_not-a-token");
            browser.findElement(By.cssSelector("[data-testid=signin-submit]")).click();
            wait.until(b -> b.findElement(By.cssSelector("[data-testid=signin-message]")).getText().contains("not valid"));
            WebElement input = browser.findElement(By.cssSelector("[data-testid=signin-token]"));
            input.clear();
            input.sendKeys(secret);
            browser.findElement(By.cssSelector("[data-testid=signin-submit]")).click();
            wait.until(b -> b.getCurrentUrl().endsWith("/callcenter.html?date=2026-03-02"));
            wait.until(b -> b.findElement(By.cssSelector("[data-testid=who]")).getText().startsWith("wallboard · viewer"));
            assertThat(browser.manage().getCookieNamed(AccessControl.COOKIE).isHttpOnly()).isTrue();
            assertThat(browser.findElement(By.cssSelector("[data-testid=reset]")).isDisplayed()).as("a viewer is not offered Reset").isFalse();
            Files.write(Path.of("target", "signed-in.png"), browser.getScreenshotAs(OutputType.BYTES));

            browser.findElement(By.cssSelector("[data-testid=sign-out]")).click();
            wait.until(b -> b.getCurrentUrl().contains("/signin.html"));
            browser.get(base + "/signin.html#token=" + secret); // the link the demo prints
            wait.until(b -> b.getCurrentUrl().equals(base + "/"));
            wait.until(b -> b.findElement(By.cssSelector("[data-testid=who]")).getText().startsWith("wallboard"));
        } finally {
            tokens.revoke("wallboard");
            browser.manage().deleteAllCookies();
        }
        // back to open mode for the other test: the server reads the tokens again within two seconds
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"open\"")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
