package dev.switchboard.store;

import static dev.switchboard.store.BillingFixtures.A;
import static dev.switchboard.store.BillingFixtures.B;
import static dev.switchboard.store.BillingFixtures.C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.billing.Bill;
import dev.switchboard.billing.BillingFormats;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.revenue.Period;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing a period on each database: hand-worked amounts, tax rounding, zone boundaries, idempotent re-runs, reconciliation. */
class BillingRunIT {
    @TempDir Path dir;

    private static BillingRun billing(Database db, String now) {
        return new BillingRun(db, () -> Optional.of(BillingFixtures.tariffs()), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Money compared by value: 0.90 equals 0.900000. */
    private static void money(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void marchIsBilledPerSubscriberAndCurrencyAndReconciles(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            BillingFixtures.march(db);
            BillingRun run = billing(db, "2026-04-02T10:00:00Z");
            Period march = run.period("2026-03");
            assertThat(march.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
            assertThat(march.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));

            BillingRun.Summary summary = run.run(march);
            assertThat(summary.subscribers()).isEqualTo(3);
            assertThat(summary.bills()).isEqualTo(4);
            assertThat(summary.unpriced()).isEqualTo(2);
            assertThat(summary.reconciled()).isTrue();

            List<Bill> bills = run.bills(march);
            assertThat(bills).extracting(Bill::subscriber, Bill::currency).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(A, "EUR"), org.assertj.core.groups.Tuple.tuple(B, "EUR"),
                    org.assertj.core.groups.Tuple.tuple(B, "USD"), org.assertj.core.groups.Tuple.tuple(C, "EUR"));

            // A: a1 a2 a7 a9 (calls), a3 a4 (SMS); a6 is in February and a8 in April (Paris time); a5 not priced.
            Bill a = bills.get(0);
            assertThat(List.of(a.calls(), a.sms(), a.totalSeconds(), a.billedSeconds(), a.freeSeconds(), a.freeSms(), a.unpriced()))
                    .containsExactly(4L, 2L, 246L, 361L, 100L, 1L, 1L);
            assertThat(a.planId()).isEqualTo("basic");
            money(a.amount(), "1.413334");                    // 0.90 + 0.333333 + 0 + 0.10 + 0.07 + 0.010001, exact
            money(a.taxRate(), "0.21");                       // the version in force at the period's end (v2 from 15 March)
            money(a.tax(), "0.30");                           // 1.413334 × 0.21 = 0.29680014 → 0.30
            money(a.total(), "1.713334");

            Bill bEur = bills.get(1);
            assertThat(bEur.planId()).isEqualTo("smart");
            money(bEur.amount(), "0.45");
            money(bEur.tax(), "0.02");                        // 0.02475 → 0.02
            money(bEur.total(), "0.47");
            Bill bUsd = bills.get(2);
            money(bUsd.amount(), "3.00");
            money(bUsd.tax(), "0.17");                        // 0.165 → HALF_UP 0.17 (HALF_EVEN would say 0.16)
            money(bUsd.total(), "3.17");
            assertThat(List.of(bUsd.calls(), bUsd.totalSeconds(), bUsd.billedSeconds())).containsExactly(1L, 100L, 120L);

            Bill c = bills.get(3);                            // only an unpriced CDR: reported, amount 0
            assertThat(c.unpriced()).isEqualTo(1);
            assertThat(c.calls()).isZero();
            money(c.amount(), "0");
            money(c.total(), "0");

            assertThat(summary.totals()).extracting(t -> t.currency(), t -> t.amount().stripTrailingZeros().toPlainString(),
                    t -> t.tax().stripTrailingZeros().toPlainString(), t -> t.total().stripTrailingZeros().toPlainString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("EUR", "1.863334", "0.32", "2.183334"),
                            org.assertj.core.groups.Tuple.tuple("USD", "3", "0.17", "3.17"));

            // Reconciliation, straight from the tables: sum of bill.amount = sum of cdr.cost of the period, per currency, exactly.
            for (String cur : List.of("EUR", "USD")) {
                BigDecimal billed = scalar(db, "SELECT sum(amount) FROM bill WHERE period = '2026-03' AND currency = ?", cur);
                BigDecimal rated = scalar(db, "SELECT sum(cost) FROM cdr WHERE currency = ? AND start_time >= TIMESTAMPTZ '2026-02-28 23:00:00+00'"
                        + " AND start_time < TIMESTAMPTZ '2026-03-31 22:00:00+00'", cur);
                assertThat(billed).isEqualByComparingTo(rated);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reRunningAPeriodGivesTheSameRowsAndLeavesOtherPeriodsAlone(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            BillingFixtures.march(db);
            BillingRun first = billing(db, "2026-04-02T10:00:00Z");
            first.run(first.period("2026-02"));
            first.run(first.period("2026-03"));
            List<Bill> before = first.bills(first.period("2026-03"));

            BillingRun later = billing(db, "2026-04-03T10:00:00Z");
            later.run(later.period("2026-03"));
            List<Bill> after = later.bills(later.period("2026-03"));
            assertThat(after).hasSameSizeAs(before);
            assertThat(after.stream().map(Bill::withoutClosedAt).toList()).isEqualTo(before.stream().map(Bill::withoutClosedAt).toList());
            assertThat(after.get(0).closedAt()).isEqualTo(Instant.parse("2026-04-03T10:00:00Z"));
            assertThat(StoreFixtures.count(db, "bill")).isEqualTo(5); // 4 in March + A in February

            List<Bill> feb = later.bills(later.period("2026-02"));
            assertThat(feb).singleElement().satisfies(b -> {
                assertThat(b.subscriber()).isEqualTo(A);
                money(b.amount(), "5.00");
                money(b.taxRate(), "0.20");                   // v1 is in force at the end of February
                money(b.tax(), "1.00");
                money(b.total(), "6.00");
            });

            // A late CDR: a re-run picks it up and the bills still reconcile.
            BillingFixtures.voice(db, "a10", A, "2026-03-20T10:00:00Z", 60, "0.60", "EUR", 60, 0);
            BillingRun.Summary again = later.run(later.period("2026-03"));
            assertThat(again.reconciled()).isTrue();
            money(later.bills(later.period("2026-03"), A).get(0).amount(), "2.013334");
            assertThat(StoreFixtures.count(db, "bill")).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theLiveBalanceCoversTheCurrentMonthUpToNowAndIsNotStored(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            BillingFixtures.march(db);
            BillingRun run = billing(db, "2026-03-20T12:00:00Z");
            BillingRun.Balance balance = run.current(A);
            assertThat(balance.period().month().toString()).isEqualTo("2026-03");
            assertThat(balance.asOf()).isEqualTo(Instant.parse("2026-03-20T12:00:00Z"));
            assertThat(balance.lines()).singleElement().satisfies(b -> {
                money(b.amount(), "1.403333");                 // a9 (31 March) is still to come
                money(b.tax(), "0.29");                        // × 0.21 = 0.29469993
                money(b.total(), "1.693333");
                assertThat(b.unpriced()).isEqualTo(1);
                assertThat(b.closedAt()).isNull();
            });
            assertThat(run.current("+33999999999").lines()).isEmpty();
            assertThat(StoreFixtures.count(db, "bill")).isZero();
        }
    }

    @Test
    void jsonAndCsvCarryMoneyAsExactText() throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir); Database db = store.open()) {
            BillingFixtures.march(db);
            BillingRun run = billing(db, "2026-04-02T10:00:00Z");
            Period march = run.period("2026-03");
            Map<String, Object> summary = BillingFormats.json(run.run(march));
            assertThat(summary).containsEntry("period", "2026-03").containsEntry("subscribers", 3L).containsEntry("reconciled", true);
            Map<String, Object> a = BillingFormats.json(run.bills(march).get(0));
            assertThat(a).containsEntry("amount", "1.413334").containsEntry("tax", "0.30").containsEntry("total", "1.713334")
                    .containsEntry("tax_rate", "0.21");
            String csv = BillingFormats.csv(run.bills(march));
            assertThat(csv.split("\r\n")).hasSize(5);
            assertThat(csv).startsWith("subscriber,period,currency,plan_id,calls,sms,total_seconds,billed_seconds,free_seconds,free_sms,amount,tax_rate,tax,total,unpriced,closed_at\r\n")
                    .contains("+33600000001,2026-03,EUR,basic,4,2,246,361,100,1,1.413334,0.21,0.30,1.713334,1,2026-04-02T10:00:00Z\r\n");
        }
    }

    private static BigDecimal scalar(Database db, String sql, String param) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
