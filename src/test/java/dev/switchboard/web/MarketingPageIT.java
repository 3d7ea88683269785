package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.marketing.BusinessType;
import dev.switchboard.marketing.DirectoryEntry;
import dev.switchboard.marketing.DirectoryStore;
import dev.switchboard.marketing.MarketingFixture;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The marketing page in headless Chromium on a real server and DuckDB store holding the hand-worked week of
 * {@link MarketingFixture} (1–8 March 2026, New York) and, for paging, a busier week in February: every
 * table equals the API's rows cell by cell, a few cells equal the fixture's hand-worked values, the charts
 * draw one bar per row (the hour chart is read back from the canvas' pixels), the filters and pages change
 * what is shown, a caller that looks like HTML stays text, and a 4xx leaves an error line and no stale rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketingPageIT {
    static final LocalDate WEEK_FROM = LocalDate.parse("2026-02-02"), WEEK_TO = LocalDate.parse("2026-02-08");
    static final int PEOPLE = 120;
    static final String HTML_CALLER = "<img src=x onerror=window.pwned=1>";
    static final String[] TARGETS = {"+12125550111", "+12125550100", "+18005550199", "+12025550143", "+33198765432", "+442071234567",
            "+4915112345678", "+390612345678", "+34912345678", "+81312345678", "+61212345678", "+5511912345678", "+525512345678",
            "+919812345678", "+31201234567"};

    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final HttpClient http = HttpClient.newHttpClient();
    /** Business type → its label, as the directory API names it. */
    static final Map<String, String> labels = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "web", "zone", MarketingFixture.ZONE.getId(),
                "region", "US"), Map.of()));
        Database db = sb.database().orElseThrow();
        List<DirectoryEntry> directory = Arrays.stream(MarketingFixture.DIRECTORY)
                .map(e -> new DirectoryEntry(e[0], BusinessType.valueOf(e[1]), null)).toList();
        sb.directoryStore().orElseThrow().importEntries(directory, DirectoryStore.Mode.REPLACE);
        List<Cdr> cdrs = new ArrayList<>(MarketingFixture.CDRS);
        // The busier week: caller i makes 1 + i % 4 calls, to the directory, a private number and 11 countries.
        Instant monday = Instant.parse("2026-02-02T14:00:00Z");
        for (int i = 0; i < PEOPLE; i++)
            for (int j = 0; j <= i % 4; j++)
                cdrs.add(new Cdr("w" + i + "-" + j, "+1415555" + (2000 + i), TARGETS[(i + j) % TARGETS.length],
                        monday.plus(Duration.ofDays(i % 7)).plus(Duration.ofHours(j)).plusSeconds(60L * i), 30 + (i * 7 + j * 13) % 600,
                        CdrType.VOICE, CdrResult.ANSWERED, null));
        for (int j = 0; j < 2; j++)
            cdrs.add(new Cdr("html" + j, HTML_CALLER, "+12125550111", monday.plus(Duration.ofHours(2 + j)), 42, CdrType.VOICE, CdrResult.ANSWERED, null));
        db.write((TableMapping<Cdr>) CdrHistory.routes().get(0).mapping(), cdrs);

        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        for (JsonNode e : get("/api/marketing/directory?limit=10000").get("entries"))
            labels.put(e.get("business_type").asText(), e.get("label").asText());
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

    static String fixtureRange() {
        return "from=" + MarketingFixture.FROM + "&to=" + MarketingFixture.TO;
    }

    @Test
    @Order(1)
    void theFixtureWeekShowsTheApiRowsAndTheHandWorkedValues() {
        browser.get(base + "/");
        browser.findElement(By.linkText("Marketing")).click();
        waitLoaded(FRESH, 0, 1, 2, 3, 4); // the default range: the last 7 days (no calls there)
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Marketing");
        showRange(MarketingFixture.FROM, MarketingFixture.TO);
        assertThat(el("message").isDisplayed()).isFalse();
        String q = fixtureRange();

        // every table equals the API's rows
        assertThat(rows("t0-table")).isEqualTo(expected(get("/api/marketing/templates/0?" + q), MarketingPageIT::duration));
        assertThat(rows("t1-table")).isEqualTo(expected(get("/api/marketing/templates/1?" + q), MarketingPageIT::business));
        assertThat(rows("t2-table")).isEqualTo(expected(get("/api/marketing/templates/2?limit=50&" + q), MarketingPageIT::personTag));
        assertThat(rows("t3-table")).isEqualTo(expected(get("/api/marketing/templates/3?" + q), MarketingPageIT::country));
        assertThat(rows("t4-table")).isEqualTo(expected(get("/api/marketing/templates/4?limit=50&" + q), MarketingPageIT::bestTime));

        // and the hand-worked values of the fixture
        assertThat(rows("t0-table")).extracting(r -> r.get("key") + " " + r.get("calls") + " " + r.get("minutes"))
                .containsExactly("08:00 3 1.0", "09:00 1 0.2", "10:00 1 0.3", "11:00 3 7.5", "21:00 2 1.5");
        assertThat(row("t1-table", "type", "Banking")).containsEntry("tag", "BUSINESS").containsEntry("calls", "3").containsEntry("minutes", "2.5");
        assertThat(row("t1-table", "type", "private numbers")).containsEntry("tag", "PRIVATE").containsEntry("calls", "3").containsEntry("minutes", "6.0");
        assertThat(row("t2-table", "caller", MarketingFixture.C)).containsEntry("tag", "BUSINESS").containsEntry("tag-share", "33.3%")
                .containsEntry("type", "Banking").containsEntry("calls", "3");
        assertThat(row("t2-table", "caller", MarketingFixture.B)).containsEntry("tag", "HEALTH").containsEntry("tag-share", "50.0%");
        assertThat(row("t3-table", "region", "FR")).containsEntry("country", "France").containsEntry("code", "+33").containsEntry("minutes", "5.0");
        assertThat(row("t4-table", "caller", MarketingFixture.D)).containsEntry("weekday", "Tuesday").containsEntry("hour", "18:00–19:00")
                .containsEntry("confidence", "100.0%").containsEntry("zone", "America/Los_Angeles");
        assertThat(row("t4-table", "caller", MarketingFixture.C)).containsEntry("zone", "America/New_York guessed")
                .containsEntry("confidence", "66.7%");
        assertThat(browser.findElements(By.cssSelector("[data-testid=t4-table] [data-testid=guessed]"))).hasSize(1);

        // the hour chart: one bar per row, read back from the canvas; the tallest is 11:00 (450 s)
        assertThat(bars("t0-chart")).extracting(b -> b.get("label").asText()).containsExactly("08", "09", "10", "11", "21");
        Map<String, Long> heights = barHeights("t0-chart");
        assertThat(heights.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)).containsExactlyInAnyOrder("8", "9", "10", "11", "21");
        assertThat(heights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("11");
        assertThat(heights.get("8")).isGreaterThan(heights.get("9")); // 60 s against 10 s
        // business types: the private numbers are in the table, not in the chart; a bar per other row, coloured by tag
        assertThat(bars("t1-chart")).extracting(b -> b.get("label").asText() + " " + b.get("series").asText() + " " + b.get("value").asLong())
                .containsExactly("Food AD 1", "Banking BUSINESS 3", "Hospital HEALTH 3");
        assertThat(el("t1-caption").getText()).contains("Private numbers are in the table");
        assertThat(bars("t3-chart")).extracting(b -> b.get("label").asText()).containsExactly("Germany", "France", "United Kingdom");
        // the summaries of the rows shown
        assertThat(summary()).containsExactly(Map.entry("BUSINESS", "2"), Map.entry("HEALTH", "2"));
        assertThat(heatmap()).containsExactlyInAnyOrderEntriesOf(Map.of("MONDAY 8", 2, "MONDAY 9", 1, "TUESDAY 18", 1));
        assertThat(el("t2-page").getText()).isEqualTo("people 1–4 (last page)");
        assertThat(el("t2-next").isEnabled()).isFalse();
        noNaN();
    }

    @Test
    @Order(2)
    void filtersChangeWhatIsShown() {
        String q = fixtureRange();
        act(() -> new Select(el("t1-tag")).selectByValue("HEALTH"), 1);
        assertThat(rows("t1-table")).isEqualTo(expected(get("/api/marketing/templates/1?tag=HEALTH&" + q), MarketingPageIT::business)).hasSize(1);
        assertThat(bars("t1-chart")).extracting(b -> b.get("label").asText()).containsExactly("Hospital");
        act(() -> new Select(el("t1-tag")).selectByValue(""), 1);
        act(() -> el("t1-private").click(), 1);
        assertThat(bars("t1-chart")).extracting(b -> b.get("label").asText()).containsExactly("Food", "Banking", "Hospital", "Private");

        act(() -> new Select(el("t2-tag")).selectByValue("HEALTH"), 2);
        assertThat(rows("t2-table")).isEqualTo(expected(get("/api/marketing/templates/2?tag=HEALTH&limit=50&" + q), MarketingPageIT::personTag))
                .extracting(r -> r.get("caller")).containsExactly(MarketingFixture.B, MarketingFixture.D);
        assertThat(summary()).containsExactly(Map.entry("HEALTH", "2"));
        act(() -> new Select(el("t2-tag")).selectByValue(""), 2);
        act(() -> new Select(el("t2-type")).selectByValue("BANKING"), 2);
        assertThat(rows("t2-table")).extracting(r -> r.get("caller")).containsExactly(MarketingFixture.A, MarketingFixture.C);
        act(() -> new Select(el("t2-type")).selectByValue(""), 2);
        type("t2-min", "3", 2);
        assertThat(rows("t2-table")).isEqualTo(expected(get("/api/marketing/templates/2?min_calls=3&limit=50&" + q), MarketingPageIT::personTag))
                .extracting(r -> r.get("caller")).containsExactly(MarketingFixture.A, MarketingFixture.C);
        type("t2-min", "0", 2);
        assertThat(rows("t2-table")).hasSize(4);

        type("t3-region", "fr", 3);
        assertThat(rows("t3-table")).extracting(r -> r.get("country")).containsExactly("France");
        assertThat(bars("t3-chart")).hasSize(1);
        type("t3-region", "", 3);
        assertThat(rows("t3-table")).hasSize(3);

        type("t4-min", "3", 4);
        assertThat(rows("t4-table")).isEqualTo(expected(get("/api/marketing/templates/4?min_calls=3&limit=50&" + q), MarketingPageIT::bestTime))
                .extracting(r -> r.get("caller")).containsExactly(MarketingFixture.A, MarketingFixture.C);
        assertThat(heatmap()).containsExactlyInAnyOrderEntriesOf(Map.of("MONDAY 8", 2));
        type("t4-min", "0", 4);
        type("t4-caller", MarketingFixture.D, 4);
        assertThat(rows("t4-table")).extracting(r -> r.get("caller")).containsExactly(MarketingFixture.D);
        type("t4-caller", "", 4);

        act(() -> new Select(el("t0-group")).selectByValue("day"), 0);
        assertThat(rows("t0-table")).isEqualTo(expected(get("/api/marketing/templates/0?group=day&" + q), MarketingPageIT::duration))
                .extracting(r -> r.get("key")).containsExactly("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05");
        assertThat(bars("t0-chart")).extracting(b -> b.get("label").asText()).containsExactly("03-01", "03-02", "03-03", "03-05");
        assertThat(barHeights("t0-chart").values().stream().filter(h -> h > 0)).hasSize(3); // 5 March: a call of 0 s has no height
        act(() -> new Select(el("t0-group")).selectByValue("hour"), 0);
        noNaN();
    }

    @Test
    @Order(3)
    void aBusierWeekIsPagedAndAnHtmlLookingCallerStaysText() {
        showRange(WEEK_FROM, WEEK_TO);
        String q = "from=" + WEEK_FROM + "&to=" + WEEK_TO;
        assertThat(rows("t2-table")).isEqualTo(expected(get("/api/marketing/templates/2?limit=50&offset=0&" + q), MarketingPageIT::personTag));
        assertThat(el("t2-page").getText()).isEqualTo("people 1–50");
        assertThat(el("t2-prev").isEnabled()).isFalse();
        act(() -> el("t2-next").click(), 2);
        assertThat(rows("t2-table")).isEqualTo(expected(get("/api/marketing/templates/2?limit=50&offset=50&" + q), MarketingPageIT::personTag));
        assertThat(el("t2-page").getText()).isEqualTo("people 51–100");
        act(() -> el("t2-next").click(), 2);
        List<Map<String, String>> last = rows("t2-table");
        assertThat(last).isEqualTo(expected(get("/api/marketing/templates/2?limit=50&offset=100&" + q), MarketingPageIT::personTag)).hasSize(PEOPLE + 1 - 100);
        assertThat(el("t2-page").getText()).isEqualTo("people 101–121 (last page)");
        assertThat(el("t2-next").isEnabled()).isFalse();
        assertThat(last.get(last.size() - 1).get("caller")).isEqualTo(HTML_CALLER); // '<' sorts after '+'
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("[data-testid=t2-table] img"))).isEmpty();
        assertThat(summary().values().stream().mapToInt(Integer::parseInt).sum()).isEqualTo(PEOPLE + 1 - 100);
        act(() -> el("t2-prev").click(), 2);
        assertThat(el("t2-page").getText()).isEqualTo("people 51–100");

        assertThat(rows("t4-table")).isEqualTo(expected(get("/api/marketing/templates/4?limit=50&offset=0&" + q), MarketingPageIT::bestTime));
        assertThat(heatmap().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        act(() -> el("t4-next").click(), 4);
        assertThat(rows("t4-table")).isEqualTo(expected(get("/api/marketing/templates/4?limit=50&offset=50&" + q), MarketingPageIT::bestTime));

        JsonNode countries = get("/api/marketing/templates/3?" + q);
        assertThat(countries.size()).as("countries of the busy week").isGreaterThan(10);
        assertThat(rows("t3-table")).isEqualTo(expected(countries, MarketingPageIT::country));
        assertThat(bars("t3-chart")).hasSize(10).extracting(b -> b.get("label").asText())
                .containsExactlyElementsOf(first(countries, 10, c -> c.get("country").asText()));
        act(() -> new Select(el("t3-top")).selectByValue("20"), 3);
        assertThat(bars("t3-chart")).hasSize(Math.min(20, countries.size()));
        JsonNode hours = get("/api/marketing/templates/0?" + q);
        assertThat(bars("t0-chart")).hasSize(hours.size());
        noNaN();
    }

    @Test
    @Order(4)
    void aBadRangeShowsTheErrorAndNoStaleRows() {
        assertThat(rows("t2-table")).isNotEmpty();
        showRange(MarketingFixture.TO, MarketingFixture.FROM);
        assertThat(el("message").isDisplayed()).isTrue();
        assertThat(el("message").getText()).contains("before");
        for (String table : List.of("t0-table", "t1-table", "t2-table", "t3-table", "t4-table")) assertThat(rows(table)).as(table).isEmpty();
        for (String chart : List.of("t0-chart", "t1-chart", "t3-chart")) {
            assertThat(bars(chart)).as(chart).isEmpty();
            assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isEmpty();
        }
        assertThat(summary()).isEmpty();
        assertThat(heatmap()).isEmpty();
        assertThat(el("t2-next").isEnabled()).isFalse();

        // this process has no stream role: the live source is a 400 the page shows
        showRange(MarketingFixture.FROM, MarketingFixture.TO);
        assertThat(el("message").isDisplayed()).isFalse();
        act(() -> new Select(el("source")).selectByValue("live"), 0, 1, 2, 3, 4);
        assertThat(el("message").getText()).contains("source=live");
        assertThat(rows("t1-table")).isEmpty();
        act(() -> new Select(el("source")).selectByValue("history"), 0, 1, 2, 3, 4);
        assertThat(el("message").isDisplayed()).isFalse();
        assertThat(rows("t1-table")).hasSize(4);
        noNaN();
    }

    @Test
    @Order(5)
    void screenshots() throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        browser.get(base + "/marketing.html?" + fixtureRange());
        waitLoaded(FRESH, 0, 1, 2, 3, 4);
        fullPage(shots.resolve("marketing.png"));
        browser.get(base + "/marketing.html?from=" + WEEK_FROM + "&to=" + WEEK_TO);
        waitLoaded(FRESH, 0, 1, 2, 3, 4);
        assertThat(rows("t2-table")).hasSize(50);
        fullPage(shots.resolve("marketing-busy-week.png"));
    }

    // ---- the page

    static WebElement el(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** A page just opened: no section has loaded yet. */
    static final Map<Integer, Integer> FRESH = Map.of(0, 0, 1, 0, 2, 0, 3, 0, 4, 0);

    static Map<Integer, Integer> before() {
        Map<Integer, Integer> loads = new HashMap<>();
        for (int n = 0; n <= 4; n++) {
            List<WebElement> s = browser.findElements(By.cssSelector("[data-testid=t" + n + "]"));
            String v = s.isEmpty() ? null : s.get(0).getAttribute("data-loads");
            loads.put(n, v == null ? 0 : Integer.parseInt(v));
        }
        return loads;
    }

    /** Waits until each section has finished a load after {@code before} and none is loading. */
    static void waitLoaded(Map<Integer, Integer> before, int... sections) {
        wait.until(b -> {
            Map<Integer, Integer> now = before();
            for (int n : sections)
                if (now.get(n) <= before.get(n) || "loading".equals(el("t" + n).getAttribute("data-state"))) return false;
            return true;
        });
    }

    static void act(Runnable action, int... sections) {
        Map<Integer, Integer> b = before();
        action.run();
        waitLoaded(b, sections);
    }

    static void type(String id, String text, int section) {
        act(() -> {
            WebElement input = el(id); // select what is there, type over it, Enter (a change and a submit: the page keeps the last)
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text.isEmpty() ? Keys.BACK_SPACE.toString() : text, Keys.ENTER);
        }, section);
    }

    static void showRange(LocalDate from, LocalDate to) {
        act(() -> {
            browser.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1]",
                    from.toString(), to.toString());
            el("show").click();
        }, 0, 1, 2, 3, 4);
    }

    /** A table's data rows: cell test id → text. */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> rows(String table) {
        return (List<Map<String, String>>) browser.executeScript("return [...document.querySelectorAll(\"[data-testid='\" + arguments[0]"
                + " + \"'] tbody tr[data-testid=row]\")].map(tr => Object.fromEntries([...tr.cells].map(c => [c.dataset.testid, c.textContent])))",
                table);
    }

    static Map<String, String> row(String table, String column, String value) {
        return rows(table).stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow(() -> new AssertionError(table + ": no " + value));
    }

    /** The bars a chart drew: [{label, series, value}]. */
    static JsonNode bars(String chart) {
        try {
            String json = browser.findElement(By.id(chart)).getAttribute("data-bars");
            return Json.MAPPER.readTree(json == null ? "[]" : json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per category of a uPlot bar chart: the height in canvas pixels of the bar colour found above its centre (0: no bar). */
    @SuppressWarnings("unchecked")
    static Map<String, Long> barHeights(String chart) {
        return (Map<String, Long>) browser.executeScript("""
                const u = document.getElementById(arguments[0]).plot, ctx = u.ctx, out = {};
                const top = Math.ceil(u.bbox.top), bottom = Math.floor(u.bbox.top + u.bbox.height);
                for (let i = 0; i < u.data[0].length; i++) {
                  const x = Math.round(u.valToPos(i, 'x', true));
                  let h = 0;
                  for (let y = top; y < bottom; y++) {
                    const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
                    if (b - r > 60) { h = bottom - y; break; }
                  }
                  out[String(i)] = h;
                }
                return out;""", chart);
    }

    /** People per tag of the template 2 summary, in the order shown. */
    static Map<String, String> summary() {
        Map<String, String> out = new LinkedHashMap<>();
        for (WebElement b : browser.findElements(By.cssSelector("[data-testid=t2-summary] [data-testid=bar]")))
            out.put(b.getAttribute("data-tag"), b.getAttribute("data-count"));
        return out;
    }

    /** The heatmap's non-empty slots: "WEEKDAY hour" → people. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> heatmap() {
        Map<String, Long> cells = (Map<String, Long>) browser.executeScript("return Object.fromEntries([...document.querySelectorAll("
                + "'[data-testid=t4-heatmap] [data-testid=slot]')].filter(c => c.dataset.count !== '0').map(c => [c.dataset.day + ' ' + c.dataset.hour, Number(c.dataset.count)]))");
        Map<String, Integer> out = new HashMap<>();
        cells.forEach((k, v) -> out.put(k, v.intValue()));
        return out;
    }

    static void noNaN() {
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("NaN").doesNotContain("undefined").doesNotContain("null");
    }

    static void fullPage(Path file) throws Exception {
        browser.executeScript("window.scrollTo(0, 0)");
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(5000, height + 140)));
        Thread.sleep(300); // the charts follow the resize
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    // ---- what the page should show for the API's rows, formatted here (not by the page's code)

    static List<Map<String, String>> expected(JsonNode rows, Function<JsonNode, Map<String, String>> row) {
        List<Map<String, String>> out = new ArrayList<>();
        rows.forEach(r -> out.add(row.apply(r)));
        return out;
    }

    static <T> List<T> first(JsonNode rows, int n, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, rows.size()); i++) out.add(f.apply(rows.get(i)));
        return out;
    }

    static Map<String, String> duration(JsonNode r) {
        return Map.of("key", r.has("hour") ? String.format("%02d:00", r.get("hour").asInt()) : r.get("date").asText(),
                "calls", count(r.get("calls")), "minutes", minutes(r.get("duration_sec")));
    }

    static Map<String, String> business(JsonNode r) {
        return Map.of("tag", r.get("tag").asText(), "type", r.get("business_type").isNull() ? "private numbers" : label(r.get("business_type")),
                "calls", count(r.get("calls")), "minutes", minutes(r.get("duration_sec")));
    }

    static Map<String, String> personTag(JsonNode r) {
        boolean typed = !r.get("business_type").isNull();
        return Map.of("caller", r.get("caller").asText(), "tag", r.get("tag").asText(), "tag-calls", count(r.get("tag_calls")),
                "tag-share", percent(r.get("tag_share")), "type", typed ? label(r.get("business_type")) : "—", "type-calls", count(r.get("type_calls")),
                "type-share", typed ? percent(r.get("type_share")) : "—", "calls", count(r.get("calls")));
    }

    static Map<String, String> country(JsonNode r) {
        return Map.of("country", r.get("country").asText(), "region", r.get("region").asText(), "code", "+" + r.get("country_code").asInt(),
                "calls", count(r.get("calls")), "minutes", minutes(r.get("duration_sec")));
    }

    static Map<String, String> bestTime(JsonNode r) {
        String day = r.get("weekday").asText();
        int h = r.get("hour").asInt();
        return Map.of("caller", r.get("caller").asText(), "zone", r.get("zone").asText() + (r.get("zone_guessed").asBoolean() ? " guessed" : ""),
                "weekday", day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT), "hour", String.format("%02d:00–%02d:00", h, h + 1),
                "slot-calls", count(r.get("slot_calls")), "calls", count(r.get("calls")), "confidence", percent(r.get("confidence")));
    }

    static String label(JsonNode type) {
        return labels.getOrDefault(type.asText(), type.asText());
    }

    static String count(JsonNode n) {
        return String.format(Locale.US, "%,d", n.asLong());
    }

    /** Seconds as minutes, one decimal, half up. */
    static String minutes(JsonNode seconds) {
        return String.format(Locale.US, "%,.1f", BigDecimal.valueOf(seconds.asLong()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP));
    }

    static String percent(JsonNode share) {
        return share.decimalValue().movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path.replace("+", "%2B"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }
}
