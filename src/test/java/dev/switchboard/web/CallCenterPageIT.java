package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.CallHistory;
import dev.switchboard.callcenter.CompletedCall;
import dev.switchboard.store.TableMapping;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The call-center page in a real headless Chromium: a known set of calls is posted to the API, and once
 * the live metrics have settled every figure the page shows equals what the API answers; Reset empties both.
 * The zone is picked so that it is around noon there now, so calls of the last minutes fall on "today".
 */
class CallCenterPageIT {
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web",
                "zone", zoneAroundNoon().getId()), Map.of()));
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

    /** An IANA fixed-offset zone (Etc/GMT-3 is UTC+3) where the local hour is about 12. */
    static ZoneId zoneAroundNoon() {
        int offset = 12 - Instant.now().atZone(ZoneOffset.UTC).getHour(); // -11 … +12
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    @Test
    void pageShowsTheApiFiguresAndResetEmptiesBoth() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.linkText("Call center")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The page redraws its tables every few seconds: an element read mid-redraw is just read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(b -> text("status").equals("live"));
        assertThat(browser.findElements(By.cssSelector("nav a")).stream().map(WebElement::getText)).containsExactly("Overview", "Call center", "Revenue", "Billing", "Marketing", "Plans", "Generator", "IVR", "Model");

        post("/api/ingest/call?format=call-json", calls(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        JsonNode live = settledLive();
        assertThat(live.at("/today/offered").asLong()).isEqualTo(10);
        assertThat(live.at("/waiting/total").asLong()).isEqualTo(2);

        List<String> diff = new ArrayList<>();
        try {
            wait.until(b -> {
                diff.clear();
                diff.addAll(differences(get("/api/callcenter/live"), get("/api/callcenter/summary"), get("/api/callcenter/buckets?definition=connect")));
                return diff.isEmpty();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the page still differs from the API: " + diff, e);
        }
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN").doesNotContain("undefined");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "callcenter.png"), browser.getScreenshotAs(OutputType.BYTES));
        fullPageScreenshot(Path.of("target", "callcenter-full.png"));

        String yesterday = LocalDate.parse(live.get("date").asText()).minusDays(1).toString();
        browser.executeScript("const d = document.getElementById('day'); d.value = arguments[0]; d.dispatchEvent(new Event('change'));", yesterday);
        wait.until(b -> testid("kpi-day").equals(yesterday) && testid("summary-offered").equals("0") && testid("sl-connect").equals("—"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=bucket-row]"))).hasSize(get("/api/callcenter/buckets?date=" + yesterday).get("buckets").size());
        browser.executeScript("const d = document.getElementById('day'); d.value = arguments[0]; d.dispatchEvent(new Event('change'));", live.get("date").asText());
        wait.until(b -> testid("summary-offered").equals("10"));

        testElement("reset").click();
        browser.switchTo().alert().accept();
        wait.until(b -> get("/api/callcenter/live").at("/today/offered").asLong() == 0);
        wait.until(b -> testid("offered-today").equals("0") && testid("summary-offered").equals("0") && testid("since").endsWith("(reset)"));
        assertThat(get("/api/callcenter/summary").get("offered").asLong()).isZero();
    }

    /**
     * The staffing section: a history of calls one and two weeks ago around now's local time is written to table
     * {@code call}; every figure of the table equals the API's, a number of agents typed in is used for every
     * interval, and a bad parameter is a 400 with {error, details}.
     */
    @Test
    void staffingSectionShowsTheApiForecast() throws Exception {
        writeStaffingHistory();
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/api/callcenter/staffing?target_sl=80")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(bad.body()).get("details").asText()).contains("target_sl");

        browser.get(base + "/callcenter.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        List<String> diff = new ArrayList<>();
        JsonNode[] shown = new JsonNode[1];
        try {
            wait.until(b -> {
                diff.clear();
                shown[0] = get("/api/callcenter/staffing");
                diff.addAll(staffingDifferences(shown[0]));
                return diff.isEmpty();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the staffing table still differs from the API: " + diff, e);
        }
        JsonNode first = shown[0].get("intervals").get(0);
        assertThat(first.at("/measured/weeks").asInt()).isEqualTo(2);
        assertThat(first.at("/measured/queued").asLong()).isEqualTo(80);
        assertThat(first.at("/erlang_c/agents_needed").asInt()).isPositive();
        assertThat(first.at("/erlang_a/service_level").isNumber()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#staffing-chart canvas"))).isNotEmpty();
        WebElement section = testElement("staffing-section");
        browser.executeScript("arguments[0].scrollIntoView()", section);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "callcenter-staffing.png"), section.getScreenshotAs(OutputType.BYTES));

        WebElement agents = testElement("staffing-agents");
        agents.sendKeys("3");
        browser.executeScript("arguments[0].dispatchEvent(new Event('change'))", agents);
        try {
            wait.until(b -> {
                diff.clear();
                JsonNode given = get("/api/callcenter/staffing?agents=3");
                diff.addAll(staffingDifferences(given));
                return diff.isEmpty() && given.get("intervals").get(0).get("agents").asInt() == 3;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("with 3 agents the staffing table still differs from the API: " + diff, e);
        }
    }

    /** 40 calls in each of the coming four half hours, one and two weeks ago: every 8th abandoned, five agents per queue. */
    private static void writeStaffingHistory() {
        ZoneId zone = ZoneId.of(get("/api/callcenter/staffing").get("zone").asText());
        Instant start = Instant.parse(get("/api/callcenter/staffing").at("/intervals/0/start").asText());
        List<CompletedCall> calls = new ArrayList<>();
        for (int week = 1; week <= 2; week++) {
            for (int interval = 0; interval < 4; interval++) {
                Instant from = start.plusSeconds(1800L * interval).atZone(zone).minusWeeks(week).toInstant();
                for (int i = 0; i < 40; i++) {
                    Instant queued = from.plusSeconds(i * 45L);
                    String id = "staff-" + week + "-" + interval + "-" + i, queue = i % 2 == 0 ? "support" : "sales";
                    if (i % 8 == 7) {
                        int wait = 25 + i % 20;
                        calls.add(new CompletedCall(id, queue, null, queued, null, queued.plusSeconds(wait), "ABANDONED", wait, null, null,
                                null, null, null, null, null, 0, null));
                    } else {
                        int wait = i * 7 % 30, talk = 200 + i * 13 % 100;
                        calls.add(new CompletedCall(id, queue, null, queued, queued.plusSeconds(wait), queued.plusSeconds(wait + talk), "ANSWERED", wait,
                                talk, queue + "-" + (i / 2 % 5), null, null, null, null, null, 0, null));
                    }
                }
            }
        }
        @SuppressWarnings("unchecked")
        TableMapping<CompletedCall> rows = (TableMapping<CompletedCall>) CallHistory.routes().get(0).mapping();
        sb.database().orElseThrow().write(rows, calls);
    }

    private static List<String> staffingDifferences(JsonNode api) {
        List<String> d = new ArrayList<>();
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=staffing-row]"));
        if (rows.size() != api.get("intervals").size()) d.add(rows.size() + " staffing rows on the page, API " + api.get("intervals").size());
        for (JsonNode i : api.get("intervals")) {
            List<WebElement> tr = browser.findElements(By.cssSelector("[data-testid=staffing-row][data-start='" + i.get("start").asText() + "']"));
            if (tr.size() != 1) {
                d.add("interval " + i.get("start").asText() + ": " + tr.size() + " rows on the page");
                continue;
            }
            WebElement row = tr.get(0);
            String where = "staffing " + i.get("label").asText() + " ";
            same(d, where + "label", staffingCell(row, "label"), i.get("label").asText());
            JsonNode calls = i.at("/measured/calls_per_interval");
            same(d, where + "calls", staffingCell(row, "calls"), absent(calls) ? "—" : String.format(java.util.Locale.ROOT, "%.1f", calls.asDouble()));
            seconds(d, where + "aht", staffingCell(row, "aht"), i.at("/measured/aht_sec"), 0);
            JsonNode patience = i.at("/measured/mean_patience_sec");
            if (absent(patience) && i.at("/measured/abandon_rate_per_sec").asDouble(-1) == 0) same(d, where + "patience", staffingCell(row, "patience"), "∞");
            else seconds(d, where + "patience", staffingCell(row, "patience"), patience, 0);
            String agents = absent(i.get("agents")) ? "—" : i.get("agents").asText() + (i.get("agents_source").asText().equals("given") ? "*" : "");
            same(d, where + "agents", staffingCell(row, "agents"), agents);
            same(d, where + "need C", staffingCell(row, "needed-c"), absent(i.at("/erlang_c/agents_needed")) ? "—" : i.at("/erlang_c/agents_needed").asText());
            same(d, where + "need A", staffingCell(row, "needed-a"), absent(i.at("/erlang_a/agents_needed")) ? "—" : i.at("/erlang_a/agents_needed").asText());
            percent(d, where + "SL C", staffingCell(row, "sl-c"), i.at("/erlang_c/service_level"));
            percent(d, where + "SL A", staffingCell(row, "sl-a"), i.at("/erlang_a/service_level"));
            percent(d, where + "abandon A", staffingCell(row, "abandon-a"), i.at("/erlang_a/prob_abandon"));
            seconds(d, where + "ASA A", staffingCell(row, "asa-a"), i.at("/erlang_a/asa_sec"), 0);
            percent(d, where + "occupancy A", staffingCell(row, "occupancy-a"), i.at("/erlang_a/occupancy"));
        }
        return d;
    }

    private static String staffingCell(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-testid='staffing-" + name + "']")).getText();
    }

    /**
     * Ten calls in the last five minutes: six answered (two outside the 20 s service level, one still
     * talking), two abandoned (one short), two still waiting, in queues support and sales.
     */
    static String calls(Instant now) {
        StringBuilder b = new StringBuilder();
        answered(b, now, "a1", "support", 300, 10, 90, "COMPLAINT");
        answered(b, now, "a2", "support", 280, 30, 150, "JOINING");
        answered(b, now, "a3", "sales", 240, 5, 175, "DISCONNECTION");
        answered(b, now, "a4", "sales", 200, 25, 145, "OTHER");
        answered(b, now, "a5", "support", 180, 10, 50, "COMPLAINT");
        answered(b, now, "a6", "support", 100, 15, -1, null);
        event(b, "b1", "QUEUED", now.minusSeconds(150), "support", null, null, null);
        event(b, "b1", "ABANDONED", now.minusSeconds(147), "support", 3, null, null);
        event(b, "b2", "QUEUED", now.minusSeconds(130), "sales", null, null, null);
        event(b, "b2", "ABANDONED", now.minusSeconds(90), "sales", 40, null, null);
        event(b, "w1", "QUEUED", now.minusSeconds(60), "support", null, null, null);
        event(b, "w2", "QUEUED", now.minusSeconds(45), "sales", null, null, null);
        return b.toString();
    }

    private static void answered(StringBuilder b, Instant now, String id, String queue, int queuedAgo, int wait, int talk, String subject) {
        event(b, id, "QUEUED", now.minusSeconds(queuedAgo), queue, null, null, null);
        event(b, id, "ANSWERED", now.minusSeconds(queuedAgo - wait), queue, wait, null, null);
        if (talk >= 0) event(b, id, "ENDED", now.minusSeconds(queuedAgo - wait - talk), queue, wait, talk, subject);
    }

    private static void event(StringBuilder b, String id, String type, Instant at, String queue, Integer wait, Integer talk, String subject) {
        StringBuilder e = new StringBuilder("{\"call_id\":\"it-" + id + "\",\"event\":\"" + type + "\",\"time\":\"" + at
                + "\",\"queue\":\"" + queue + "\",\"caller_number\":\"+12015550123\"");
        if (type.equals("ANSWERED") || type.equals("ENDED")) e.append(",\"agent\":\"SIP/201\"");
        if (wait != null) e.append(",\"wait_sec\":").append(wait);
        if (talk != null) e.append(",\"talk_sec\":").append(talk).append(",\"subject\":\"").append(subject).append("\",\"product\":\"fiber-100\"");
        b.append(e).append("}\n");
    }

    /** Polls the live figures until the posted calls are all counted and two polls a second apart agree. */
    private static JsonNode settledLive() throws InterruptedException {
        String previous = null;
        for (int i = 0; i < 60; i++) {
            JsonNode live = get("/api/callcenter/live");
            String counted = live.get("today").toString() + live.at("/trailing/answered") + live.at("/waiting/total")
                    + get("/api/callcenter/summary").get("total");
            if (counted.equals(previous) && live.at("/today/offered").asLong() == 10 && live.at("/today/ended").asLong() == 5) return live;
            previous = counted;
            Thread.sleep(1000);
        }
        throw new AssertionError("the live metrics did not settle: " + get("/api/callcenter/live"));
    }

    /** What the page shows that the API does not say (empty when they agree), as readable lines. */
    private static List<String> differences(JsonNode live, JsonNode summary, JsonNode buckets) {
        List<String> d = new ArrayList<>();
        count(d, "waiting-total", live.at("/waiting/total"));
        seconds(d, "oldest-wait", live.at("/waiting/oldest_wait_sec"), 2); // ticks every second
        live.at("/waiting/by_queue").fields().forEachRemaining(q -> {
            List<WebElement> chip = browser.findElements(By.cssSelector("[data-testid=waiting-queue][data-queue='" + q.getKey() + "'] strong"));
            if (chip.isEmpty() || !chip.get(0).getText().equals(q.getValue().asText())) d.add("waiting in " + q.getKey() + ": expected " + q.getValue());
        });
        // The waiting calls, longest first, each with its prediction (none here: no model is trained in this test).
        // Read in one script: the rows are redrawn as the waits tick.
        @SuppressWarnings("unchecked")
        List<List<String>> waitingRows = (List<List<String>>) browser.executeScript("return [...document.querySelectorAll('[data-testid=waiting-call]')]"
                + ".map(r => [r.dataset.call, ...[...r.cells].map(c => c.textContent)]);");
        List<String> shown = waitingRows.stream().map(r -> r.get(0)).toList();
        List<String> listed = new ArrayList<>();
        live.at("/waiting/calls").forEach(c -> listed.add(c.get("call_id").asText()));
        if (!shown.equals(listed)) d.add("waiting calls: page " + shown + ", API " + listed);
        for (List<String> r : waitingRows)
            if (!r.get(5).equals("—") || !r.get(6).equals("—")) d.add("a prediction shown without a model: " + r);
        seconds(d, "avg-wait-10m", live.at("/trailing/avg_wait_sec"), 0);
        count(d, "answered-10m", live.at("/trailing/answered"));
        count(d, "abandoned-10m", live.at("/trailing/abandoned"));
        seconds(d, "avg-abandoned-wait-10m", live.at("/trailing/avg_abandoned_wait_sec"), 0);
        for (String k : List.of("offered", "answered", "abandoned", "expired", "ended")) count(d, k + "-today", live.at("/today/" + k));
        for (JsonNode sl : live.at("/kpis/service_levels")) percent(d, "sl-" + sl.get("definition").asText(), sl.get("value"));
        seconds(d, "asa", live.at("/kpis/asa_sec"), 0);
        seconds(d, "aht", live.at("/kpis/aht_sec"), 0);
        percent(d, "abandonment-rate", live.at("/kpis/abandonment_rate"));
        percent(d, "abandonment-rate-excluding-short", live.at("/kpis/abandonment_rate_excluding_short"));
        for (String k : List.of("joining", "complaint", "disconnection", "other", "unclassified", "total", "offered", "answered", "abandoned"))
            count(d, "summary-" + k, summary.get(k));
        for (JsonNode row : buckets.get("buckets")) {
            if (row.get("offered").asLong() == 0 && row.get("answered").asLong() == 0 && row.get("abandoned").asLong() == 0) continue;
            List<WebElement> tr = browser.findElements(By.cssSelector("[data-testid=bucket-row][data-label='" + row.get("label").asText() + "']"));
            if (tr.size() != 1) {
                d.add("bucket " + row.get("label").asText() + ": " + tr.size() + " rows on the page");
                continue;
            }
            String where = "bucket " + row.get("label").asText() + " ";
            for (String k : List.of("offered", "answered", "abandoned", "waiting_at_end"))
                same(d, where + k, cell(tr.get(0), k), String.valueOf(row.get(k).asLong()));
            seconds(d, where + "avg-wait", cell(tr.get(0), "avg_wait_sec"), row.get("avg_wait_sec"), 0);
            percent(d, where + "sl", cell(tr.get(0), "sl"), row.at("/kpis/service_levels/0/value"));
        }
        return d;
    }

    private static String cell(WebElement row, String field) {
        String id = "bucket-" + field.replace("_sec", "").replace('_', '-');
        return row.findElement(By.cssSelector("[data-testid='" + id + "']")).getText();
    }

    private static void count(List<String> d, String id, JsonNode api) {
        same(d, id, testid(id), api == null || api.isNull() || api.isMissingNode() ? "—" : String.format("%,d", api.asLong()));
    }

    private static void same(List<String> d, String what, String shown, String expected) {
        if (!shown.equals(expected)) d.add(what + ": page " + shown + ", API " + expected);
    }

    private static void percent(List<String> d, String id, JsonNode api) {
        percent(d, id, testid(id), api);
    }

    private static void percent(List<String> d, String what, String shown, JsonNode api) {
        if (absent(api)) {
            same(d, what, shown, "—");
            return;
        }
        Matcher m = Pattern.compile("(\\d+\\.\\d) %").matcher(shown);
        if (!m.matches() || Math.abs(Double.parseDouble(m.group(1)) - api.asDouble() * 100) > 0.05 + 1e-9)
            d.add(what + ": page " + shown + ", API " + api.asDouble());
    }

    private static void seconds(List<String> d, String id, JsonNode api, double slack) {
        seconds(d, id, testid(id), api, slack);
    }

    /** Durations show as "15.8 s", "4 m 05 s" or "1 h 02 m"; each rounds to its last unit. */
    private static void seconds(List<String> d, String what, String shown, JsonNode api, double slack) {
        if (absent(api)) {
            same(d, what, shown, "—");
            return;
        }
        Matcher s = Pattern.compile("(\\d+(?:\\.\\d)?) s").matcher(shown);
        Matcher ms = Pattern.compile("(\\d+) m (\\d\\d) s").matcher(shown);
        Matcher hm = Pattern.compile("(\\d+) h (\\d\\d) m").matcher(shown);
        double value, rounding;
        if (s.matches()) {
            value = Double.parseDouble(s.group(1));
            rounding = s.group(1).contains(".") ? 0.05 : 0.5;
        } else if (ms.matches()) {
            value = Integer.parseInt(ms.group(1)) * 60 + Integer.parseInt(ms.group(2));
            rounding = 0.5;
        } else if (hm.matches()) {
            value = Integer.parseInt(hm.group(1)) * 3600 + Integer.parseInt(hm.group(2)) * 60;
            rounding = 60;
        } else {
            d.add(what + ": page shows '" + shown + "', not a duration; API " + api);
            return;
        }
        if (Math.abs(value - api.asDouble()) > rounding + slack + 1e-9) d.add(what + ": page " + shown + ", API " + api.asDouble());
    }

    private static boolean absent(JsonNode api) {
        return api == null || api.isNull() || api.isMissingNode();
    }

    /** The whole page at 1366 px wide, through the DevTools protocol (a headless window is no taller than its screen). */
    private static void fullPageScreenshot(Path file) throws Exception {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", height, "deviceScaleFactor", 1, "mobile", false));
        try {
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebElement testElement(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static String testid(String id) {
        return testElement(id).getText();
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static void post(String path, String ndjson) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(r.body()).get("rejected").asLong()).as(r.body()).isZero();
    }
}
