package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.customer.CustomerDraft;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Tariffs;
import dev.switchboard.revenue.Money;
import dev.switchboard.store.Database;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billing page in headless Chromium on a real server and a real DuckDB store: rated CDRs written
 * into the history, a closed month of 61 bills (two pages) compared cell by cell with table {@code bill},
 * totals with the bills' exact sums, sorting by clicking headers, the invoice link with the customer's
 * name (and nothing else personal), closing another month with the button, a clear 4xx error, and the
 * live balance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingPageIT {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String CLOSED = "2026-09";
    static final String OPEN = "2026-10";
    static final int SUBSCRIBERS = 60;
    static final String ALICE = "Alice Martin";
    static final String BOB = "bob <b>Stone</b>";
    static final String NATIONAL_ID = "123-45-6789";
    static final String ADDRESS = "12 Elm Street";

    @TempDir static Path dir;
    static Switchboard sb;
    static Database db;
    static WebServer web;
    static String base;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static final HttpClient http = HttpClient.newHttpClient();
    /** What the seeded CDRs of the closed month cost, per currency, summed here (not by the code under test). */
    static final Map<String, BigDecimal> seededCost = new TreeMap<>();

    static String number(int i) {
        return String.format("+336100000%02d", i);
    }

    @BeforeAll
    static void start() throws Exception {
        sb = Switchboard.start(Settings.resolve(Map.of("data", dir.toString(), "roles", "web", "zone", "Europe/Paris"), Map.of()));
        db = sb.database().orElseThrow();
        PlanVersion basic = new PlanVersion("basic", 1, Instant.parse("2025-01-01T00:00:00Z"), "EUR", new BigDecimal("0.20"), List.of(), Set.of(),
                List.of(), List.of());
        PlanVersion roam = new PlanVersion("roam", 1, Instant.parse("2025-01-01T00:00:00Z"), "USD", new BigDecimal("0.055"), List.of(), Set.of(),
                List.of(), List.of());
        sb.tariffs().orElseThrow().replace(new Tariffs(Map.of("basic", List.of(basic), "roam", List.of(roam)), Map.of(number(7), "roam"), "basic", PARIS));

        // The closed month: every subscriber a voice call with a cost of its own, every third an SMS, subscriber 5 also a USD call.
        Instant t = YearMonth.parse(CLOSED).atDay(10).atTime(12, 0).atZone(PARIS).toInstant();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String cost = new BigDecimal((i * 7919L) % 100_000).movePointLeft(4).add(new BigDecimal("0.01")).toPlainString();
            int seconds = 30 + i * 7;
            long billed = ((seconds + 59) / 60) * 60L;
            long free = i % 4 == 0 ? 60 : 0;
            cdr("v" + i, number(i), t.plusSeconds(i * 60L), seconds, "VOICE", cost, "EUR", billed, free);
            if (i % 3 == 0) cdr("s" + i, number(i), t.plusSeconds(i * 60L + 30), null, "SMS", i % 2 == 0 ? "0" : "0.10", "EUR", 1, i % 2 == 0 ? 1 : 0);
        }
        cdr("u5", number(5), t.plusSeconds(7200), 100, "VOICE", "2.50", "USD", 120, 0);
        cdr("x1", number(1), t.plusSeconds(7300), 20, "VOICE", null, null, 0, 0); // not priced: not billed
        // The open month: two subscribers.
        Instant o = YearMonth.parse(OPEN).atDay(3).atTime(9, 0).atZone(PARIS).toInstant();
        cdr("o1", number(1), o, 61, "VOICE", "0.333333", "EUR", 120, 0);
        cdr("o2", number(2), o.plusSeconds(60), 10, "VOICE", "0.05", "EUR", 60, 0);
        // This month so far, for the live balance.
        cdr("now1", number(1), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5), 42, "VOICE", "0.123456", "EUR", 60, 0);

        var customers = sb.customers().orElseThrow();
        customers.create(new CustomerDraft(ALICE, NATIONAL_ID, java.time.LocalDate.of(1980, 6, 15), Sex.F, ADDRESS, "Springfield", "Nimbus",
                List.of(number(1)), List.of()));
        customers.create(new CustomerDraft(BOB, "987-65-4321", java.time.LocalDate.of(1995, 2, 3), Sex.M, "3 Oak Avenue", "Shelbyville", null,
                List.of(number(2), number(3)), List.of()));
        customers.create(new CustomerDraft("Zoé Adam", "555-55-5555", java.time.LocalDate.of(1970, 1, 1), Sex.F, "1 Main Road", "Springfield", null,
                List.of(number(40)), List.of()));

        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        JsonNode closed = send("POST", "/api/billing/run?period=" + CLOSED, 200);
        assertThat(closed.path("reconciled").asBoolean()).isTrue();
        assertThat(closed.path("bills").asInt()).isEqualTo(SUBSCRIBERS + 1);
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
    void theTableShowsTheStoredBillsPageByPageWithTheirTotals() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.linkText("Billing")).click();
        wait.until(b -> el("bills").getAttribute("data-loaded") != null);
        assertThat(el("period").getAttribute("value")).isEqualTo(YearMonth.now().toString()); // the current month by default
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Billing");

        showPeriod(CLOSED);
        List<StoredBill> stored = stored(CLOSED, Comparator.comparing(StoredBill::subscriber).thenComparing(StoredBill::currency));
        assertThat(stored).hasSize(SUBSCRIBERS + 1);
        expectRows(stored.subList(0, 50));
        assertThat(el("page").getText()).isEqualTo("page 1 of 2");
        assertThat(el("count").getText()).isEqualTo("61 bills");
        assertThat(el("prev").isEnabled()).isFalse();

        // Totals: per currency, equal to the stored bills' exact sums and to the seeded CDRs' cost.
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (StoredBill b : stored) {
            BigDecimal[] s = sums.computeIfAbsent(b.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(b.amount());
            s[1] = s[1].add(b.tax());
            s[2] = s[2].add(b.total());
        }
        List<WebElement> totals = browser.findElements(By.cssSelector("[data-testid=bills] tfoot [data-testid=totals]"));
        assertThat(totals).extracting(e -> e.getAttribute("data-currency")).containsExactly("EUR", "USD");
        for (WebElement tr : totals) {
            String cur = tr.getAttribute("data-currency");
            BigDecimal[] s = sums.get(cur);
            assertThat(cell(tr, "amount")).isEqualTo(Money.text(s[0]));
            assertThat(cell(tr, "tax")).isEqualTo(Money.text(s[1]));
            assertThat(cell(tr, "total")).isEqualTo(Money.text(s[2]));
            assertThat(new BigDecimal(cell(tr, "amount"))).isEqualByComparingTo(seededCost.get(cur));
            List<StoredBill> ofCur = stored.stream().filter(b -> b.currency().equals(cur)).toList();
            assertThat(cell(tr, "calls")).isEqualTo(String.format("%,d", ofCur.stream().mapToLong(StoredBill::calls).sum()));
            assertThat(cell(tr, "sms")).isEqualTo(String.format("%,d", ofCur.stream().mapToLong(StoredBill::sms).sum()));
            assertThat(cell(tr, "billed")).isEqualTo(minSec(ofCur.stream().mapToLong(StoredBill::billedSeconds).sum()));
            assertThat(cell(tr, "bills")).isEqualTo(ofCur.size() == 1 ? "1 bill" : ofCur.size() + " bills");
        }
        assertThat(Money.text(sums.get("EUR")[0])).isEqualTo(Money.text(seededCost.get("EUR")));

        el("next").click();
        wait.until(b -> (CLOSED + " subscriber asc 50").equals(el("bills").getAttribute("data-loaded")));
        expectRows(stored.subList(50, stored.size()));
        assertThat(el("page").getText()).isEqualTo("page 2 of 2");
        assertThat(el("next").isEnabled()).isFalse();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN").doesNotContain("undefined");
    }

    @Test
    @Order(2)
    void clickingAHeaderSortsByThatColumnBothWays() throws Exception {
        showPeriod(CLOSED);
        header("amount").click();
        wait.until(b -> (CLOSED + " amount asc 0").equals(el("bills").getAttribute("data-loaded")));
        Comparator<StoredBill> natural = Comparator.comparing(StoredBill::subscriber).thenComparing(StoredBill::currency);
        expectRows(stored(CLOSED, Comparator.comparing(StoredBill::amount).thenComparing(natural)).subList(0, 50));
        assertThat(header("amount").getAttribute("aria-sort")).isEqualTo("ascending");

        header("amount").click();
        wait.until(b -> (CLOSED + " amount desc 0").equals(el("bills").getAttribute("data-loaded")));
        List<StoredBill> desc = stored(CLOSED, Comparator.comparing(StoredBill::amount).reversed().thenComparing(natural));
        expectRows(desc.subList(0, 50));
        assertThat(header("amount").getAttribute("aria-sort")).isEqualTo("descending");

        header("customer_name").click();
        wait.until(b -> (CLOSED + " customer_name asc 0").equals(el("bills").getAttribute("data-loaded")));
        List<String> names = rows().stream().limit(5).map(tr -> cell(tr, "customer")).toList();
        assertThat(names).containsExactly(ALICE, BOB, BOB, "Zoé Adam", ""); // case-insensitive; no customer last

        header("subscriber").click();
        wait.until(b -> (CLOSED + " subscriber asc 0").equals(el("bills").getAttribute("data-loaded")));
        header("subscriber").click();
        wait.until(b -> (CLOSED + " subscriber desc 0").equals(el("bills").getAttribute("data-loaded")));
        expectRows(stored(CLOSED, Comparator.comparing(StoredBill::subscriber).reversed().thenComparing(StoredBill::currency)).subList(0, 50));
    }

    @Test
    @Order(3)
    void theSubscriberLinksToTheInvoiceWithTheCustomersName() throws Exception {
        showPeriod(CLOSED);
        WebElement link = row(number(1), "EUR").findElement(By.cssSelector("[data-testid=subscriber] a"));
        assertThat(link.getAttribute("href")).isEqualTo(base + "/api/billing/invoice/%2B33610000001?period=" + CLOSED);
        String page = browser.getWindowHandle();
        link.click();
        wait.until(b -> b.getWindowHandles().size() == 2);
        String invoice = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.switchTo().window(invoice);
        try {
            wait.until(b -> !b.findElements(By.cssSelector("[data-testid=customer-name]")).isEmpty());
            assertThat(el("customer-name").getText()).isEqualTo(ALICE);
            assertThat(el("subscriber").getText()).isEqualTo(number(1));
            StoredBill alice = stored(CLOSED, Comparator.comparing(StoredBill::subscriber)).stream().filter(b -> b.subscriber().equals(number(1)))
                    .findFirst().orElseThrow();
            assertThat(el("total-EUR").getText()).isEqualTo(Money.text(alice.total()) + " EUR");
            String html = browser.getPageSource();
            assertThat(html).doesNotContain(NATIONAL_ID, ADDRESS, "1980", "Springfield");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Not priced yet (not billed)");
        } finally {
            browser.close();
            browser.switchTo().window(page);
        }
        // A name with markup is text on the invoice; a subscriber of no customer has no name line.
        String bob = text("/api/billing/invoice/%2B33610000002?period=" + CLOSED);
        assertThat(bob).contains("bob &lt;b&gt;Stone&lt;/b&gt;").doesNotContain("<b>Stone");
        assertThat(text("/api/billing/invoice/%2B33610000009?period=" + CLOSED)).doesNotContain("customer-name");
        assertThat(send("GET", "/api/billing/bills?period=" + CLOSED + "&sort=national_id", 400).path("details").asText()).contains("sort must be");
    }

    @Test
    @Order(4)
    void theCloseButtonClosesTheMonthAndErrorsAreShownAsText() throws Exception {
        showPeriod(OPEN);
        wait.until(b -> el("bills").getText().contains("no bills for " + OPEN));
        el("close").click();
        wait.until(b -> el("message").getText().startsWith("Closed " + OPEN));
        assertThat(el("message").getText()).isEqualTo("Closed " + OPEN + ": 2 subscribers, 2 bills, 0 CDRs not priced; "
                + "0.383333 + tax 0.08 = 0.463333 EUR; reconciled with the rated CDRs.");
        assertThat(el("message").getAttribute("class")).contains("good");
        wait.until(b -> rows().size() == 2);
        expectRows(stored(OPEN, Comparator.comparing(StoredBill::subscriber)));

        browser.executeScript("document.getElementById('period').value = ''");
        el("close").click();
        wait.until(b -> el("message").getText().startsWith("Cannot close"));
        assertThat(el("message").getText()).isEqualTo("Cannot close the period: bad request: period is required, as YYYY-MM");
        assertThat(el("message").getAttribute("class")).contains("bad");
        assertThat(rows()).hasSize(2); // the table is left as it was
    }

    @Test
    @Order(5)
    void theBalanceBoxShowsTheLiveUnbilledBalance() throws Exception {
        el("balance-number").clear();
        el("balance-number").sendKeys(number(1));
        el("balance-go").click();
        wait.until(b -> !b.findElements(By.cssSelector("[data-testid=balance-lines] [data-testid=row]")).isEmpty());
        JsonNode api = send("GET", "/api/billing/current/%2B33610000001", 200);
        assertThat(api.path("customer_name").asText()).isEqualTo(ALICE);
        WebElement line = browser.findElement(By.cssSelector("[data-testid=balance-lines] [data-testid=row]"));
        assertThat(cell(line, "amount")).isEqualTo("0.123456").isEqualTo(api.at("/lines/0/amount").asText());
        assertThat(cell(line, "tax")).isEqualTo("0.02");
        assertThat(cell(line, "total")).isEqualTo("0.143456");
        assertThat(cell(line, "calls")).isEqualTo("1");
        assertThat(el("balance-customer").getText()).isEqualTo(ALICE);
        assertThat(el("balance-period").getText()).isEqualTo(api.path("period").asText());

        el("balance-number").clear();
        el("balance-number").sendKeys("+33699999999");
        el("balance-go").click();
        wait.until(b -> !b.findElements(By.cssSelector("[data-testid=balance-empty]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("[data-testid=balance-customer]"))).isEmpty();
    }

    @Test
    @Order(6)
    void screenshot() throws Exception {
        showPeriod(CLOSED);
        el("balance-number").clear();
        el("balance-number").sendKeys(number(1));
        el("balance-go").click();
        wait.until(b -> !b.findElements(By.cssSelector("[data-testid=balance-lines] [data-testid=row]")).isEmpty());
        browser.executeScript("window.scrollTo(0, 0)");
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(4000, height + 140)));
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("billing.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    // ---- the page

    static void showPeriod(String period) {
        browser.get(base + "/billing.html"); // afresh: sorted by subscriber, first page
        wait.until(b -> el("bills").getAttribute("data-loaded") != null);
        browser.executeScript("document.getElementById('period').value = arguments[0]", period);
        el("show").click();
        wait.until(b -> (period + " subscriber asc 0").equals(el("bills").getAttribute("data-loaded")));
    }

    static WebElement el(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    static WebElement header(String sort) {
        return browser.findElement(By.cssSelector("[data-testid=bills] th[data-sort='" + sort + "']"));
    }

    static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("[data-testid=bills] tbody [data-testid=row]"));
    }

    static WebElement row(String subscriber, String currency) {
        return browser.findElement(By.cssSelector("[data-testid=bills] tbody tr[data-subscriber='" + subscriber + "'][data-currency='" + currency + "']"));
    }

    static String cell(WebElement tr, String id) {
        return tr.findElement(By.cssSelector("[data-testid='" + id + "']")).getText();
    }

    /** Each row of the page equals the stored bill at the same position, cell by cell. */
    static void expectRows(List<StoredBill> expected) {
        List<String> diff = new ArrayList<>();
        try {
            wait.until(b -> {
                diff.clear();
                List<WebElement> trs = rows();
                if (trs.size() != expected.size()) {
                    diff.add(trs.size() + " rows on the page, " + expected.size() + " expected");
                    return false;
                }
                for (int i = 0; i < expected.size(); i++) {
                    StoredBill e = expected.get(i);
                    WebElement tr = trs.get(i);
                    String[][] cells = {{"subscriber", e.subscriber()}, {"customer", e.name() == null ? "" : e.name()},
                            {"calls", String.format("%,d", e.calls())}, {"sms", String.format("%,d", e.sms())}, {"billed", minSec(e.billedSeconds())},
                            {"free", free(e.freeSeconds(), e.freeSms())}, {"amount", Money.text(e.amount())}, {"tax", Money.text(e.tax())},
                            {"total", Money.text(e.total())}, {"currency", e.currency()}};
                    for (String[] c : cells) {
                        String shown = cell(tr, c[0]);
                        if (!shown.equals(c[1])) diff.add("row " + i + " " + c[0] + ": page '" + shown + "', stored '" + c[1] + "'");
                    }
                }
                return diff.isEmpty();
            });
        } catch (TimeoutException ex) {
            throw new AssertionError("the page differs from table bill: " + diff, ex);
        }
    }

    static String minSec(long s) {
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    static String free(long seconds, long sms) {
        List<String> parts = new ArrayList<>();
        if (seconds > 0) parts.add(String.format("%,d s", seconds));
        if (sms > 0) parts.add(String.format("%,d SMS", sms));
        return parts.isEmpty() ? "0" : String.join(" · ", parts);
    }

    // ---- the store, read straight with SQL

    record StoredBill(String subscriber, String name, String currency, long calls, long sms, long billedSeconds, long freeSeconds, long freeSms,
            BigDecimal amount, BigDecimal tax, BigDecimal total) {}

    static List<StoredBill> stored(String period, Comparator<StoredBill> order) throws SQLException {
        List<StoredBill> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT b.subscriber, c.name, b.currency, b.calls, b.sms,"
                + " b.billed_seconds, b.free_seconds, b.free_sms, b.amount, b.tax, b.total FROM bill b"
                + " LEFT JOIN customer_phone p ON p.number = b.subscriber LEFT JOIN customer c ON c.id = p.customer_id WHERE b.period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new StoredBill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)));
            }
        }
        out.sort(order);
        return out;
    }

    static void cdr(String id, String caller, Instant start, Integer seconds, String type, String cost, String currency, long billed, long free)
            throws SQLException {
        String proof = cost == null ? null : "{\"plan_id\":\"basic\",\"plan_version\":1,\"type\":\"" + type + "\",\"billed_seconds\":" + billed
                + ",\"free_units_used\":" + (free == 0 ? "[]" : "[{\"allowance_id\":\"free\",\"units\":" + free + "}]") + ",\"total\":\"" + cost + "\"}";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO cdr (id, calling_number, called_number, start_time,"
                + " duration_sec, type, result, operator, cost, currency, rate_id, plan_version, cost_proof) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, caller);
            ps.setString(3, "+33198765432");
            ps.setObject(4, OffsetDateTime.ofInstant(start, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            if (seconds == null) ps.setNull(5, Types.INTEGER);
            else ps.setInt(5, seconds);
            ps.setString(6, type);
            ps.setString(7, "ANSWERED");
            ps.setString(8, "Orange");
            ps.setBigDecimal(9, cost == null ? null : new BigDecimal(cost));
            ps.setString(10, currency);
            ps.setString(11, cost == null ? null : "r1");
            if (cost == null) ps.setNull(12, Types.INTEGER);
            else ps.setInt(12, 1);
            ps.setString(13, proof);
            ps.executeUpdate();
        }
        if (cost != null && start.atZone(PARIS).toLocalDate().toString().startsWith(CLOSED)) seededCost.merge(currency, new BigDecimal(cost), BigDecimal::add);
    }

    // ---- HTTP

    static JsonNode send(String method, String path, int status) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isEqualTo(status);
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    static String text(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }
}
