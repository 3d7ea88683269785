package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.Tag;
import dev.switchboard.marketing.plan.PlanFixture;
import dev.switchboard.marketing.plan.Target;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.store.Database;
import dev.switchboard.store.TableMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plans page in headless Chromium on a real server and a real DuckDB store: the hand-worked week of
 * PlanFixture (March 2026) and 60 generated people who called in the last 30 days. Conditions give the
 * hand-worked rows and the API's; clicking headers sorts, the pager pages; a saved plan is listed, survives a
 * reload and runs again; its CSV link downloads what the API exports; mistakes are shown as text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlansPageIT {
    static final ZoneId NY = PlanFixture.ZONE;
    static final int RECENT = 60;
    static final String PLAN = "Busy bankers";

    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "web", "zone", NY.getId()), Map.of()));
        Database db = sb.database().orElseThrow();
        PlanFixture.store(db);
        // 60 people of the last 30 days: 1 to 5 calls each to the fixture's numbers, at varied days and local hours
        String[] called = {PlanFixture.HOSP, PlanFixture.FOOD, "+12125550111", PlanFixture.PRIVATE, "+13105550001", PlanFixture.DE};
        LocalDate today = LocalDate.now(NY);
        List<Cdr> recent = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            for (int j = 0; j <= i % 5; j++) {
                var start = today.minusDays(i % 20 + j + 1L).atTime(8 + (i * 7 + j * 3) % 14, (i * 13) % 60).atZone(NY).toInstant();
                recent.add(new Cdr("r" + i + "-" + j, "+1202555" + (1000 + i), called[(i * 3 + j) % called.length], start, 20 + i + j,
                        CdrType.VOICE, CdrResult.ANSWERED, null));
            }
        }
        db.write((TableMapping<Cdr>) CdrHistory.routes().get(0).mapping(), recent);
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
    void thePageListsEveryTagTypeAndWeekdayAndJoinsTheMenu() {
        open("/plans.html");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Plans");
        assertThat(values("tag")).containsExactlyElementsOf(Arrays.stream(Tag.values()).map(Enum::name).toList());
        assertThat(values("type")).containsExactlyElementsOf(Arrays.stream(BusinessType.values()).map(Enum::name).toList());
        assertThat(values("weekday")).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        for (BusinessType t : BusinessType.values())
            assertThat(el("type-" + t.name()).findElement(By.xpath("..")).getText()).isEqualTo(t.label());
        assertThat(el("saved-plans").getText()).contains("none yet");
    }

    @Test
    @Order(2)
    void conditionsGiveTheHandWorkedPeopleAsTheApiDoes() throws Exception {
        open("/plans.html");
        dates(PlanFixture.FROM, PlanFixture.TO);
        el("tag-HEALTH").click();
        el("type-TRAVELING").click();
        run(" caller asc 0 3");
        expectRows(List.of(PlanFixture.T1, PlanFixture.T2, PlanFixture.T5));
        assertThat(rowsOf(preview("{\"tags\":[\"HEALTH\"],\"business_types\":[\"TRAVELING\"]}", "from=2026-03-01&to=2026-03-08")))
                .containsExactly(PlanFixture.T1, PlanFixture.T2, PlanFixture.T5);
        assertThat(el("shown").getText()).isEqualTo("Unsaved conditions, calls from 2026-03-01 to 2026-03-08 (local dates).");
        assertThat(el("count").getText()).isEqualTo("3 people");

        // a best hour past midnight instead of the tag and type
        el("tag-HEALTH").click();
        el("type-TRAVELING").click();
        new Select(el("from-hour")).selectByValue("22");
        new Select(el("to-hour")).selectByValue("6");
        run(" caller asc 0 2");
        expectRows(List.of(PlanFixture.T1, PlanFixture.T2));

        // and people who called France (typed in lower case)
        new Select(el("from-hour")).selectByValue("");
        new Select(el("to-hour")).selectByValue("");
        el("country").sendKeys("fr");
        el("min-calls").clear();
        el("min-calls").sendKeys("4");
        run(" caller asc 0 1");
        expectRows(List.of(PlanFixture.T2));

        el("weekday-FRIDAY").click();
        run(" caller asc 0 0");
        assertThat(el("targets").getText()).contains("nobody matches these conditions in this range");
        assertThat(el("page").getText()).isEqualTo("page 1 of 1");
        assertThat(el("export").isDisplayed()).isFalse();
        assertThat(el("export-hint").getText()).isEqualTo("save the plan to export it as CSV");
        assertThat(body()).doesNotContain("NaN").doesNotContain("undefined");
    }

    @Test
    @Order(3)
    void headersSortAndThePagerPagesLikeTheApi() throws Exception {
        open("/plans.html");
        run(" caller asc 0 " + RECENT); // the last 30 days: the generated people only
        expectRows(rowsOf(preview("{}", "limit=25&offset=0")));
        assertThat(el("page").getText()).isEqualTo("page 1 of 3");
        assertThat(el("prev").isEnabled()).isFalse();

        header("calls").click();
        wait.until(b -> (" calls asc 0 " + RECENT).equals(el("targets").getAttribute("data-loaded")));
        expectRows(rowsOf(preview("{}", "sort=calls&dir=asc&limit=25")));
        assertThat(header("calls").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(header("caller").getAttribute("aria-sort")).isEqualTo("none");
        header("calls").click();
        wait.until(b -> (" calls desc 0 " + RECENT).equals(el("targets").getAttribute("data-loaded")));
        List<Target> desc = rowsOf(preview("{}", "sort=calls&dir=desc&limit=" + RECENT));
        expectRows(desc.subList(0, 25));
        assertThat(desc).isSortedAccordingTo((a, b) -> Long.compare(b.calls(), a.calls()));
        assertThat(header("calls").getAttribute("aria-sort")).isEqualTo("descending");

        el("next").click();
        wait.until(b -> (" calls desc 25 " + RECENT).equals(el("targets").getAttribute("data-loaded")));
        expectRows(desc.subList(25, 50));
        el("next").click();
        wait.until(b -> (" calls desc 50 " + RECENT).equals(el("targets").getAttribute("data-loaded")));
        expectRows(desc.subList(50, RECENT));
        assertThat(el("page").getText()).isEqualTo("page 3 of 3");
        assertThat(el("next").isEnabled()).isFalse();
        el("prev").click();
        wait.until(b -> (" calls desc 25 " + RECENT).equals(el("targets").getAttribute("data-loaded")));

        header("weekday").click();
        wait.until(b -> (" weekday asc 0 " + RECENT).equals(el("targets").getAttribute("data-loaded")));
        expectRows(rowsOf(preview("{}", "sort=weekday&limit=25")));
        assertThat(body()).doesNotContain("NaN").doesNotContain("undefined");
    }

    @Test
    @Order(4)
    void aSavedPlanIsListedSurvivesAReloadRunsAgainAndExportsItsCsv() throws Exception {
        open("/plans.html");
        el("tag-BUSINESS").click();
        el("min-calls").clear();
        el("min-calls").sendKeys("2");
        run(" caller asc 0 ");
        el("plan-name").sendKeys(PLAN);
        el("save").click();
        wait.until(b -> el("message").getText().equals("Saved plan " + PLAN + "."));
        wait.until(b -> !b.findElements(By.cssSelector("[data-testid=plan][data-name='" + PLAN + "']")).isEmpty());
        JsonNode saved = get("/api/marketing/plans/Busy%20bankers");
        assertThat(saved.at("/criteria/tags").toString()).isEqualTo("[\"BUSINESS\"]");
        assertThat(saved.at("/criteria/min_calls").asInt()).isEqualTo(2);
        assertThat(saved.at("/criteria/days").asInt()).isEqualTo(30);
        JsonNode api = get("/api/marketing/plans/Busy%20bankers/targets?limit=25");
        int total = api.path("total").asInt();
        assertThat(total).isPositive();
        wait.until(b -> (PLAN + " caller asc 0 " + total).equals(el("targets").getAttribute("data-loaded"))); // re-run as the saved plan

        // a fresh page: the plan is listed; loading it fills the conditions and runs it
        open("/plans.html");
        wait.until(b -> "1".equals(el("saved-plans").getAttribute("data-loaded")));
        assertThat(el("tag-BUSINESS").isSelected()).isFalse();
        browser.findElement(By.cssSelector("[data-testid=plan][data-name='" + PLAN + "']")).click();
        wait.until(b -> (PLAN + " caller asc 0 " + total).equals(el("targets").getAttribute("data-loaded")));
        assertThat(el("tag-BUSINESS").isSelected()).isTrue();
        assertThat(el("min-calls").getAttribute("value")).isEqualTo("2");
        assertThat(el("plan-name").getAttribute("value")).isEqualTo(PLAN);
        assertThat(el("shown").getText()).startsWith("Plan " + PLAN + ", calls from " + LocalDate.now(NY).minusDays(29));
        expectRows(rowsOf(api));

        // reloading keeps the plan (?plan=) and runs it again
        browser.navigate().refresh();
        wait.until(b -> (PLAN + " caller asc 0 " + total).equals(el("targets").getAttribute("data-loaded")));
        expectRows(rowsOf(api));

        // the CSV link, sorted as the table: every row, as the API exports it
        header("confidence").click();
        wait.until(b -> (PLAN + " confidence asc 0 " + total).equals(el("targets").getAttribute("data-loaded")));
        String href = el("export").getAttribute("href");
        assertThat(href).isEqualTo(base + "/api/marketing/plans/Busy%20bankers/targets?sort=confidence&dir=asc&format=csv");
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"targets-Busy_bankers-");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(total + 1);
        assertThat(lines.get(0)).isEqualTo("caller,tag,business_type,tag_share,calls,weekday,hour,confidence,zone,zone_guessed");
        List<Target> all = rowsOf(get("/api/marketing/plans/Busy%20bankers/targets?sort=confidence&dir=asc&limit=10000"));
        for (int i = 0; i < total; i++) {
            Target t = all.get(i);
            assertThat(lines.get(i + 1)).isEqualTo(String.join(",", t.caller(), t.tag(), t.businessType() == null ? "" : t.businessType(),
                    t.tagShare().toPlainString(), String.valueOf(t.calls()), t.weekday().name(), String.valueOf(t.hour()), t.confidence().toPlainString(),
                    t.zone(), String.valueOf(t.zoneGuessed())));
            assertThat(t.tag().equals("BUSINESS") && t.calls() >= 2).as(t.toString()).isTrue();
        }

        // changed conditions are not the saved plan any more: no export until saved
        el("tag-HEALTH").click();
        wait.until(b -> !el("export").isDisplayed());
        assertThat(el("export-hint").getText()).isEqualTo("save the plan to export it as CSV");
    }

    @Test
    @Order(5)
    void mistakesAreShownAsTextFromTheApi() {
        open("/plans.html");
        new Select(el("from-hour")).selectByValue("8");
        run(null);
        wait.until(b -> el("message").getText().startsWith("Cannot run the list"));
        assertThat(el("message").getText()).isEqualTo("Cannot run the list: bad request: criteria.from_hour and criteria.to_hour: "
                + "give both (a local hour range [from, to)) or neither");
        assertThat(el("message").getAttribute("class")).contains("bad");

        el("plan-name").sendKeys("<b>bold</b>");
        el("save").click();
        wait.until(b -> el("message").getText().startsWith("Cannot save"));
        assertThat(el("message").getText()).isEqualTo("Cannot save the plan: bad request: name must be 1 to 64 letters, digits, spaces, _ or -, "
                + "not starting or ending with a space, got '<b>bold</b>'");
        assertThat(browser.findElements(By.cssSelector("#message b"))).isEmpty();

        open("/plans.html?plan=nope");
        wait.until(b -> el("message").getText().equals("No saved plan named nope."));
        assertThat(body()).doesNotContain("NaN").doesNotContain("undefined");
    }

    @Test
    @Order(6)
    void screenshot() throws Exception {
        open("/plans.html?plan=" + PLAN.replace(" ", "%20"));
        wait.until(b -> String.valueOf(el("targets").getAttribute("data-loaded")).startsWith(PLAN + " caller asc 0 "));
        browser.executeScript("window.scrollTo(0, 0)");
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(4000, height + 140)));
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("plans.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    // ---- the page

    static void open(String path) {
        browser.get(base + path);
        wait.until(b -> el("saved-plans").getAttribute("data-loaded") != null);
    }

    /** Presses Run and waits for the table to show {@code loaded} (plan, sort, dir, offset, total; a prefix when it ends in a space). */
    static void run(String loaded) {
        String before = el("targets").getAttribute("data-loaded");
        browser.executeScript("arguments[0].removeAttribute('data-loaded')", el("targets"));
        el("run").click();
        if (loaded == null) return;
        try {
            wait.until(b -> {
                String now = el("targets").getAttribute("data-loaded");
                return now != null && (loaded.endsWith(" ") ? now.startsWith(loaded) : now.equals(loaded));
            });
        } catch (TimeoutException e) {
            throw new AssertionError("expected the table at '" + loaded + "', it is at '" + el("targets").getAttribute("data-loaded") + "' (before: '"
                    + before + "'); message: " + el("message").getText(), e);
        }
    }

    static void dates(LocalDate from, LocalDate to) {
        browser.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1]",
                from.toString(), to.toString());
    }

    static List<String> values(String group) {
        return browser.findElements(By.cssSelector("input[name=" + group + "]")).stream().map(e -> e.getAttribute("value")).toList();
    }

    static WebElement el(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    static WebElement header(String sort) {
        return browser.findElement(By.cssSelector("[data-testid=targets] th[data-sort='" + sort + "']"));
    }

    static String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** The page's rows equal these targets, cell by cell, as the page formats them. */
    static void expectRows(List<Target> expected) {
        List<String> diff = new ArrayList<>();
        try {
            wait.until(b -> {
                diff.clear();
                List<WebElement> trs = b.findElements(By.cssSelector("[data-testid=targets] tbody [data-testid=row]"));
                if (trs.size() != expected.size()) {
                    diff.add(trs.size() + " rows on the page, " + expected.size() + " expected");
                    return false;
                }
                for (int i = 0; i < expected.size(); i++) {
                    Target t = expected.get(i);
                    String[][] cells = {{"caller", t.caller()}, {"tag", Tag.valueOf(t.tag()).label()},
                            {"business_type", t.businessType() == null ? "" : BusinessType.valueOf(t.businessType()).label()},
                            {"tag_share", percent(t.tagShare())}, {"calls", String.format(Locale.ROOT, "%,d", t.calls())},
                            {"weekday", t.weekday().name().charAt(0) + t.weekday().name().substring(1).toLowerCase(Locale.ROOT)},
                            {"hour", String.format("%02d:00", t.hour())}, {"confidence", percent(t.confidence())},
                            {"zone", t.zone() + (t.zoneGuessed() ? " (guessed)" : "")}};
                    for (String[] c : cells) {
                        String shown = trs.get(i).findElement(By.cssSelector("[data-testid='" + c[0] + "']")).getText();
                        if (!shown.equals(c[1])) diff.add("row " + i + " " + c[0] + ": page '" + shown + "', expected '" + c[1] + "'");
                    }
                }
                return diff.isEmpty();
            });
        } catch (TimeoutException ex) {
            throw new AssertionError("the page differs: " + diff, ex);
        }
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    // ---- the API

    static List<Target> rowsOf(JsonNode answer) throws Exception {
        List<Target> out = new ArrayList<>();
        for (JsonNode r : answer.path("rows")) {
            Target t = Json.MAPPER.treeToValue(r, Target.class); // a JSON tree holds 0.2500 as the double 0.25: shares have 4 decimals
            out.add(new Target(t.caller(), t.tag(), t.businessType(), t.tagShare().setScale(4, RoundingMode.UNNECESSARY), t.calls(), t.weekday(), t.hour(),
                    t.confidence().setScale(4, RoundingMode.UNNECESSARY), t.zone(), t.zoneGuessed()));
        }
        return out;
    }

    static JsonNode preview(String criteria, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/marketing/targets?" + query))
                .POST(HttpRequest.BodyPublishers.ofString(criteria)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }
}
