package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.revenue.RevenueFixtures;
import dev.switchboard.revenue.RevenueJson;
import dev.switchboard.revenue.RevenueJson.CurrencyAmount;
import dev.switchboard.revenue.RevenueJson.Row;
import dev.switchboard.revenue.RevenueQueries;
import dev.switchboard.revenue.RevenueQueries.TopBy;
import dev.switchboard.revenue.RevenueService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Revenue figures over hand-written CDRs in Europe/Paris, March 2026 (summer time starts on the 29th),
 * "now" being 2026-03-31 22:00 CEST. Expected sums are worked by hand in the comments; NULL cost is
 * "not rated" and never adds 0. Runs on DuckDB, and on PostgreSQL when SWITCHBOARD_TEST_PG is set.
 */
class RevenueQueriesIT {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-03-31T20:00:00Z");
    static final String A = "+33612345678", B = "+33700000001", C = "+33612345679", D = "+4915100000000";
    static final String FR = "+33198765432", CA = "+14165550123", DE = "+4915112345678", US = "+12015550123", GB = "+442071234567",
            ES = "+34912345678";

    @TempDir Path dir;

    /**
     * In March (Paris): c1, c3, c5, c6, c7, c8, c9 — 7 CDRs, 5 rated (c1 c3 c5 c7 c9), 2 not (c6 c8);
     * 5 calls, 2 SMS; answered calls c1 120 + c3 90 + c6 300 + c9 45 = 555 s over 4 = 138.75 → 138.8 s.
     * EUR 1.2 + 0.333333 + 0 + 0.05 = 1.583333; USD 2.10. Today (31st): c3 (rated 0.333333) and c8 (not rated).
     */
    static void insertSample(Database db) throws SQLException {
        // 00:30 on 1 March in Paris (still 28 Feb in UTC): March
        cdr(db, "c1", A, FR, "2026-02-28T23:30:00Z", 120, "VOICE", "ANSWERED", "Orange", "1.200000", "EUR");
        // 00:30 on 1 April in Paris (still 31 March in UTC): April, not counted
        cdr(db, "c2", A, FR, "2026-03-31T22:30:00Z", 60, "VOICE", "ANSWERED", "Orange", "5.000000", "EUR");
        // 23:30 on 31 March (CEST): today
        cdr(db, "c3", B, CA, "2026-03-31T21:30:00Z", 90, "VOICE", "ANSWERED", "Orange", "0.333333", "EUR");
        // 23:59:59 on 28 Feb in Paris: February, not counted
        cdr(db, "c4", A, FR, "2026-02-28T22:59:59Z", 30, "VOICE", "ANSWERED", "Orange", "7.000000", "EUR");
        // rated at zero (a free call): rated, amount 0
        cdr(db, "c5", D, DE, "2026-03-10T10:00:00Z", 0, "VOICE", "NO_ANSWER", "Vodafone", "0.000000", "EUR");
        // not rated yet
        cdr(db, "c6", A, US, "2026-03-10T11:00:00Z", 300, "VOICE", "ANSWERED", "Orange", null, null);
        // 23:59:59 on 30 March (CEST): the 30th
        cdr(db, "c7", D, GB, "2026-03-30T21:59:59Z", null, "SMS", "ANSWERED", null, "0.050000", "EUR");
        // midnight of 31 March (CEST): today, not rated
        cdr(db, "c8", D, FR, "2026-03-30T22:00:00Z", null, "SMS", "ANSWERED", null, null, null);
        // 03:30 CEST on 29 March, the 23-hour day; another currency
        cdr(db, "c9", C, ES, "2026-03-29T01:30:00Z", 45, "VOICE", "ANSWERED", "Free", "2.100000", "USD");
    }

    static void cdr(Database db, String id, String from, String to, String start, Integer seconds, String type, String result,
            String operator, String cost, String currency) throws SQLException {
        RevenueFixtures.cdr(db, id, from, to, Instant.parse(start), seconds, type, result, operator, cost, currency);
    }

    static void error(Database db, long offset, String receivedAt, String reasons, String raw) throws SQLException {
        RevenueFixtures.error(db, offset, Instant.parse(receivedAt), reasons, raw);
    }

    static RevenueService service(Database db) {
        return new RevenueService(new RevenueQueries(db), PARIS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void summaryCountsOnlyTheMonthInTheZoneAndKeepsUnratedApart(Dialect dialect) throws Exception {
        try (var store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            insertSample(db);
            RevenueService s = service(db);
            RevenueJson.Summary sum = s.summary(s.period(null));
            assertThat(sum.period().toString()).isEqualTo("2026-03");
            assertThat(sum.today()).isEqualTo(LocalDate.parse("2026-03-31"));
            assertThat(sum.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
            assertThat(sum.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
            assertThat(sum.revenuePeriod()).containsExactly(new CurrencyAmount("EUR", "1.583333", 4), new CurrencyAmount("USD", "2.10", 1));
            assertThat(sum.revenueToday()).containsExactly(new CurrencyAmount("EUR", "0.333333", 1));
            assertThat(List.of(sum.cdrs(), sum.rated(), sum.notRated(), sum.calls(), sum.answeredCalls(), sum.sms(), sum.answeredCallSeconds()))
                    .containsExactly(7L, 5L, 2L, 5L, 4L, 2L, 555L);
            assertThat(sum.averageCallDurationSec()).isEqualByComparingTo("138.8");
            assertThat(List.of(sum.todayCdrs(), sum.todayRated(), sum.todayNotRated())).containsExactly(2L, 1L, 1L);

            RevenueJson.Summary feb = s.summary(s.period("2026-02"));
            assertThat(feb.revenuePeriod()).containsExactly(new CurrencyAmount("EUR", "7.00", 1));
            assertThat(feb.cdrs()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void topCallersByAmountAndByUsage(Dialect dialect) throws Exception {
        try (var store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            insertSample(db);
            RevenueService s = service(db);
            // A: c1 1.20 EUR + c6 unrated (420 s); B: c3 0.333333 (90 s); C: c9 2.10 USD (45 s); D: c5 0 + c7 0.05 + c8 unrated (0 s)
            assertThat(s.top(s.period("2026-03"), TopBy.AMOUNT, 10).rows())
                    .extracting(Row::key, Row::cdrs, Row::rated, Row::notRated, Row::amount, Row::currency)
                    .containsExactly(tuple(C, 1L, 1L, 0L, "2.10", "USD"), tuple(A, 2L, 1L, 1L, "1.20", "EUR"),
                            tuple(B, 1L, 1L, 0L, "0.333333", "EUR"), tuple(D, 3L, 2L, 1L, "0.05", "EUR"));
            assertThat(s.top(s.period("2026-03"), TopBy.USAGE, 3).rows())
                    .extracting(Row::key, Row::voiceSeconds, Row::minutes, Row::calls, Row::sms)
                    .containsExactly(tuple(A, 420L, new BigDecimal("7.0"), 2L, 0L), tuple(B, 90L, new BigDecimal("1.5"), 1L, 0L),
                            tuple(C, 45L, new BigDecimal("0.8"), 1L, 0L));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void distributionPerOperatorAndPerDestinationCountry(Dialect dialect) throws Exception {
        try (var store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            insertSample(db);
            RevenueService s = service(db);
            // Orange: c1 1.2 + c3 0.333333 + c6 unrated; Free: c9 2.10 USD; no operator: c7 0.05 + c8 unrated; Vodafone: c5 0
            assertThat(s.byOperator(s.period("2026-03")).rows())
                    .extracting(Row::key, Row::cdrs, Row::notRated, Row::amount, Row::currency)
                    .containsExactly(tuple("Free", 1L, 0L, "2.10", "USD"), tuple("Orange", 3L, 1L, "1.533333", "EUR"),
                            tuple("", 2L, 1L, "0.05", "EUR"), tuple("Vodafone", 1L, 0L, "0.00", "EUR"));
            // ES c9 2.10 USD; FR c1 1.2 + c8 unrated; CA c3 (NANP +1 416); GB c7; DE c5 0; US c6 unrated
            assertThat(s.byCountry(s.period("2026-03")).rows())
                    .extracting(Row::key, Row::label, Row::cdrs, Row::amount)
                    .containsExactly(tuple("ES", "Spain", 1L, "2.10"), tuple("FR", "France", 2L, "1.20"), tuple("CA", "Canada", 1L, "0.333333"),
                            tuple("GB", "United Kingdom", 1L, "0.05"), tuple("DE", "Germany", 1L, "0.00"), tuple("US", "United States", 1L, null));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void dailyFiguresFallOnTheZonesDaysUpToToday(Dialect dialect) throws Exception {
        try (var store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            insertSample(db);
            RevenueService s = service(db);
            List<RevenueJson.Day> days = s.daily(s.period("2026-03")).days();
            assertThat(days).hasSize(31);
            assertThat(days).filteredOn(d -> d.cdrs() > 0)
                    .extracting(d -> d.date().getDayOfMonth(), RevenueJson.Day::cdrs, RevenueJson.Day::notRated, RevenueJson.Day::revenue)
                    .containsExactly(tuple(1, 1L, 0L, "1.20"), tuple(10, 2L, 1L, "0.00"), tuple(29, 1L, 0L, "2.10"),
                            tuple(30, 1L, 0L, "0.05"), tuple(31, 2L, 1L, "0.333333"));
            assertThat(days.get(1).revenue()).isNull(); // nothing rated on the 2nd: no revenue, not 0
            assertThat(s.daily(s.period("2026-04")).days()).isEmpty(); // a month still to come
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void errorsCountEachReasonCodeOnceWithNewestSamples(Dialect dialect) throws Exception {
        try (var store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            error(db, 1, "2026-03-01T10:00:00Z", "INVALID_NUMBER:called_number,FUTURE_START", "{\"id\":1}");
            error(db, 2, "2026-03-02T10:00:00Z", "INVALID_NUMBER:calling_number,INVALID_NUMBER:called_number", "{\"id\":2}");
            error(db, 3, "2026-03-03T10:00:00Z", "FUTURE_START", "<b>3</b>");
            error(db, 4, "2026-03-04T10:00:00Z", "MISSING_FIELD:start_time", "x".repeat(2_500));
            error(db, 5, "2026-02-04T10:00:00Z", "FUTURE_START", "feb");
            RevenueService s = service(db);
            RevenueJson.Errors all = s.errors(null, 2);
            assertThat(all.rows()).isEqualTo(5);
            assertThat(all.reasons()).extracting(RevenueJson.ErrorReason::reason, RevenueJson.ErrorReason::count)
                    .containsExactly(tuple("FUTURE_START", 3L), tuple("INVALID_NUMBER", 2L), tuple("MISSING_FIELD", 1L));
            assertThat(all.reasons().get(0).samples()).extracting(RevenueJson.Sample::raw).containsExactly("<b>3</b>", "{\"id\":1}");
            RevenueJson.Sample cut = all.reasons().get(2).samples().get(0);
            assertThat(cut.raw()).hasSize(2_000);
            assertThat(cut.rawTruncated()).isTrue();
            assertThat(s.errors(s.period("2026-03"), 3).reasons()).extracting(RevenueJson.ErrorReason::count).containsExactly(2L, 2L, 1L);
        }
    }
}
