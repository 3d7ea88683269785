package dev.switchboard.billing;

import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.StoredProof;
import dev.switchboard.rating.Tariffs;
import dev.switchboard.revenue.Period;
import dev.switchboard.store.Database;
import dev.switchboard.store.StoreException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Closes a billing period into table {@code bill}, reads bills back, checks that they add up to the
 * rated CDRs, and gives a subscriber's live unbilled balance. A period is a calendar month in the
 * tariffs' zone; a CDR belongs to it when its {@code start_time} is in [first instant, next month's
 * first instant). Counts and money are summed in SQL (same text on DuckDB and PostgreSQL); billed seconds
 * and free units come from each CDR's cost proof, read in Java. See docs/BILLING.md.
 */
public final class BillingRun {
    /** Tax is rounded to cents, HALF_UP, once per bill (on the period's net amount, never per call). */
    public static final int TAX_DECIMALS = 2;

    private static final String RANGE = " FROM cdr WHERE start_time >= ? AND start_time < ?";
    private static final String ONE = " AND calling_number = ?";
    private static final String COLUMNS = "subscriber, period, currency, plan_id, calls, sms, total_seconds, billed_seconds, free_seconds, free_sms,"
            + " amount, tax_rate, tax, total, unpriced, closed_at";

    private final Database db;
    private final Supplier<Optional<Tariffs>> tariffs;
    private final Clock clock;

    public BillingRun(Database db, Supplier<Optional<Tariffs>> tariffs, Clock clock) {
        this.db = db;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** The stored tariff set, which gives the zone of the periods and the tax rates. */
    public Tariffs tariffs() {
        return tariffs.get().orElseThrow(() -> new IllegalArgumentException(
                "no tariff set is stored: billing needs its zone and tax rates (import one with 'switchboard tariffs import FILE')"));
    }

    /** {@code YYYY-MM} in the tariffs' zone (required). */
    public Period period(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("period is required, as YYYY-MM");
        Tariffs t = tariffs();
        return Period.parse(text, LocalDate.now(clock.withZone(t.zone())), t.zone());
    }

    /** The current month in the tariffs' zone. */
    public Period currentPeriod() {
        Tariffs t = tariffs();
        return Period.parse(null, LocalDate.now(clock.withZone(t.zone())), t.zone());
    }

    /**
     * Computes the period's bills and replaces its stored rows with them in one transaction (so a
     * re-run over the same CDRs gives the same rows, only {@code closed_at} moves), then reconciles.
     */
    public Summary run(Period period) {
        Tariffs t = tariffs();
        Instant closedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Bill> bills = compute(t, period, period.to(), null, closedAt);
        db.inTransaction("cannot store the bills of " + period.month(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM bill WHERE period = ?")) {
                del.setString(1, period.month().toString());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO bill (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Bill b : bills) {
                    int i = 0;
                    ins.setString(++i, b.subscriber());
                    ins.setString(++i, b.period());
                    ins.setString(++i, b.currency());
                    ins.setString(++i, b.planId());
                    ins.setLong(++i, b.calls());
                    ins.setLong(++i, b.sms());
                    ins.setLong(++i, b.totalSeconds());
                    ins.setLong(++i, b.billedSeconds());
                    ins.setLong(++i, b.freeSeconds());
                    ins.setLong(++i, b.freeSms());
                    ins.setBigDecimal(++i, b.amount());
                    ins.setBigDecimal(++i, b.taxRate());
                    ins.setBigDecimal(++i, b.tax());
                    ins.setBigDecimal(++i, b.total());
                    ins.setLong(++i, b.unpriced());
                    ins.setObject(++i, OffsetDateTime.ofInstant(b.closedAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                    ins.addBatch();
                }
                if (!bills.isEmpty()) ins.executeBatch();
            }
            return null;
        });
        return summary(period, bills, reconcile(period), closedAt);
    }

    /** A subscriber's unbilled balance for the current month, from its first instant up to now; not stored. */
    public Balance current(String number) {
        if (number == null || number.isBlank()) throw new IllegalArgumentException("a subscriber number is required");
        Tariffs t = tariffs();
        Period p = currentPeriod();
        Instant now = clock.instant();
        Instant to = now.isBefore(p.to()) ? now : p.to();
        return new Balance(number, p, to, t.planOf(number), compute(t, p, to, number, null));
    }

    /** The stored bills of a period, by subscriber then currency. */
    public List<Bill> bills(Period period) {
        return read("SELECT " + COLUMNS + " FROM bill WHERE period = ? ORDER BY subscriber, currency", List.of(period.month().toString()));
    }

    /** One subscriber's stored bills of a period (one per currency; usually one). */
    public List<Bill> bills(Period period, String subscriber) {
        return read("SELECT " + COLUMNS + " FROM bill WHERE period = ? AND subscriber = ? ORDER BY currency", List.of(period.month().toString(), subscriber));
    }

    /** Per currency: the sum of the stored bills' amount and of the rated CDRs' cost of the period, and whether they are equal. */
    public List<Reconciliation> reconcile(Period period) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT currency, sum(amount) FROM bill WHERE period = ? GROUP BY currency")) {
                ps.setString(1, period.month().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sums.computeIfAbsent(rs.getString(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = rs.getBigDecimal(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(currency, '') AS cur, sum(cost)" + RANGE + " AND cost IS NOT NULL GROUP BY coalesce(currency, '')")) {
                bindRange(ps, period.from(), period.to());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sums.computeIfAbsent(rs.getString(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] = rs.getBigDecimal(2);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot reconcile " + period.month() + ": " + e.getMessage(), e);
        }
        List<Reconciliation> out = new ArrayList<>();
        sums.forEach((cur, s) -> out.add(new Reconciliation(cur, s[0], s[1], s[0].compareTo(s[1]) == 0)));
        return out;
    }

    /** {@code amount × rate}, HALF_UP to {@link #TAX_DECIMALS} decimals. */
    public static BigDecimal tax(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(TAX_DECIMALS, RoundingMode.HALF_UP);
    }

    // ---- the computation

    private static final class Acc {
        final String subscriber;
        final String currency;
        long calls, sms, totalSeconds, billedSeconds, freeSeconds, freeSms, unpriced;
        BigDecimal amount = BigDecimal.ZERO;

        Acc(String subscriber, String currency) {
            this.subscriber = subscriber;
            this.currency = currency;
        }
    }

    /** Bills of [period.from, to), for every subscriber or only {@code number}; sorted by subscriber, currency. */
    List<Bill> compute(Tariffs t, Period period, Instant to, String number, Instant closedAt) {
        Map<String, Acc> acc = new TreeMap<>(); // key: subscriber + '\u0000' + currency, so the order is subscriber then currency
        Map<String, Long> unpriced = new TreeMap<>();
        String one = number == null ? "" : ONE;
        try (Connection c = db.connect()) {
            String sums = "SELECT calling_number, coalesce(currency, '') AS cur,"
                    + " CAST(coalesce(sum(CASE WHEN type = 'VOICE' THEN 1 ELSE 0 END), 0) AS BIGINT) AS calls,"
                    + " CAST(coalesce(sum(CASE WHEN type = 'SMS' THEN 1 ELSE 0 END), 0) AS BIGINT) AS sms,"
                    + " CAST(coalesce(sum(CASE WHEN type = 'VOICE' THEN coalesce(duration_sec, 0) ELSE 0 END), 0) AS BIGINT) AS seconds,"
                    + " sum(cost) AS amount" + RANGE + " AND cost IS NOT NULL" + one + " GROUP BY calling_number, coalesce(currency, '')";
            try (PreparedStatement ps = c.prepareStatement(sums)) {
                bindRange(ps, period.from(), to);
                if (number != null) ps.setString(3, number);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = acc.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new Acc(rs0(rs, 1), rs0(rs, 2)));
                        a.calls = rs.getLong("calls");
                        a.sms = rs.getLong("sms");
                        a.totalSeconds = rs.getLong("seconds");
                        a.amount = rs.getBigDecimal("amount");
                    }
                }
            }
            String proofs = "SELECT calling_number, coalesce(currency, '') AS cur, type, cost_proof" + RANGE
                    + " AND cost IS NOT NULL AND cost_proof IS NOT NULL" + one;
            try (PreparedStatement ps = c.prepareStatement(proofs)) {
                bindRange(ps, period.from(), to);
                if (number != null) ps.setString(3, number);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = acc.get(key(rs.getString(1), rs.getString(2)));
                        if (a == null) continue; // cannot happen: the same rows were summed above
                        addProof(a, rs.getString(3), rs.getString(4));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT calling_number, count(*)" + RANGE + " AND cost IS NULL" + one + " GROUP BY calling_number")) {
                bindRange(ps, period.from(), to);
                if (number != null) ps.setString(3, number);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) unpriced.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot aggregate the CDRs of " + period.month() + ": " + e.getMessage(), e);
        }
        Instant lastInstant = period.to().minusMillis(1);
        // Unpriced CDRs go on the subscriber's first bill (by currency), or on a bill of their own with amount 0.
        unpriced.forEach((sub, n) -> {
            Optional<Acc> first = acc.values().stream().filter(a -> a.subscriber.equals(sub)).min(Comparator.comparing(a -> a.currency));
            Acc a = first.orElseGet(() -> {
                String cur = t.versionAt(t.planOf(sub), lastInstant).map(PlanVersion::currency).orElse("");
                return acc.computeIfAbsent(key(sub, cur), k -> new Acc(sub, cur));
            });
            a.unpriced += n;
        });
        List<Bill> out = new ArrayList<>();
        for (Acc a : acc.values()) {
            String plan = t.planOf(a.subscriber);
            BigDecimal rate = t.versionAt(plan, lastInstant).map(PlanVersion::taxRate).orElse(BigDecimal.ZERO);
            BigDecimal tax = tax(a.amount, rate);
            out.add(new Bill(a.subscriber, period.month().toString(), a.currency, plan, a.calls, a.sms, a.totalSeconds, a.billedSeconds,
                    a.freeSeconds, a.freeSms, a.amount, rate, tax, a.amount.add(tax), a.unpriced, closedAt));
        }
        return out;
    }

    private static String rs0(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static String key(String subscriber, String currency) {
        return subscriber + '\u0000' + currency;
    }

    /** Billed seconds (voice) and free units (seconds for voice, messages for SMS) from one cost proof. */
    private static void addProof(Acc a, String type, String proof) {
        long[] billedAndFree;
        try {
            billedAndFree = StoredProof.billedAndFree(proof);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
        boolean voice = "VOICE".equals(type);
        if (voice) a.billedSeconds += billedAndFree[0];
        long free = billedAndFree[1];
        if (voice) a.freeSeconds += free;
        else a.freeSms += free;
    }

    private List<Bill> read(String sql, List<String> params) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            List<Bill> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
                            rs.getBigDecimal(14), rs.getLong(15), rs.getObject(16, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the bills: " + e.getMessage(), e);
        }
    }

    private static void bindRange(PreparedStatement ps, Instant from, Instant to) throws SQLException {
        ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Summary summary(Period period, List<Bill> bills, List<Reconciliation> reconciliation, Instant closedAt) {
        Map<String, BigDecimal[]> per = new TreeMap<>();
        long unpriced = 0;
        for (Bill b : bills) {
            BigDecimal[] s = per.computeIfAbsent(b.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(b.amount());
            s[1] = s[1].add(b.tax());
            s[2] = s[2].add(b.total());
            unpriced += b.unpriced();
        }
        List<CurrencyTotal> totals = new ArrayList<>();
        per.forEach((cur, s) -> totals.add(new CurrencyTotal(cur, s[0], s[1], s[2])));
        long subscribers = bills.stream().map(Bill::subscriber).distinct().count();
        return new Summary(period, subscribers, bills.size(), unpriced, totals, reconciliation,
                reconciliation.stream().allMatch(Reconciliation::equal), closedAt);
    }

    public record CurrencyTotal(String currency, BigDecimal amount, BigDecimal tax, BigDecimal total) {}

    /** Sum of the bills' amount vs sum of the rated CDRs' cost, for one currency. */
    public record Reconciliation(String currency, BigDecimal bills, BigDecimal cdrs, boolean equal) {}

    public record Summary(Period period, long subscribers, long bills, long unpriced, List<CurrencyTotal> totals, List<Reconciliation> reconciliation,
            boolean reconciled, Instant closedAt) {}

    /** A live balance: the bills (one per currency) of [period start, asOf), not stored. */
    public record Balance(String number, Period period, Instant asOf, String planId, List<Bill> lines) {}
}
