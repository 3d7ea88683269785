package dev.switchboard.rating;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.cdr.NumberPlaces;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Re-prices stored CDRs (table {@code cdr}) with a tariff set, after a tariff change or as a what-if.
 *
 * <p>Free units are per subscriber and calendar month (in the tariffs' zone), so the CDRs read are those
 * of the <b>whole billing months</b> that cover [from, to]: re-rating one day re-rates its month. They are
 * streamed month by month, ordered by calling number, start time and id, and each subscriber's month starts
 * from {@link FreeUnits#FRESH}; free units are thus drawn in start-time order (the stream draws them in
 * arrival order, which may differ). A CDR whose price columns (cost, currency, rate, plan version, proof)
 * come out different is written back over the stored row ({@link PriceUpdates}: on DuckDB staged and joined,
 * committed every 250,000 rows; on PostgreSQL batched updates, every 10,000); unchanged rows are not
 * touched, so running it again with the same tariffs changes nothing. A dry run writes nothing.
 */
public final class Rerating {
    private static final int FETCH = 10_000;

    private final Database db;
    private final Rater rater;
    private final NumberPlaces places = new NumberPlaces(ZoneOffset.UTC); // only the region is read

    public Rerating(Database db, Tariffs tariffs) {
        this.db = Objects.requireNonNull(db, "db");
        this.rater = new Rater(tariffs);
    }

    /** Revenue of one subscriber or destination, by currency: what is stored, and what the tariffs give. */
    public record Difference(String key, String currency, BigDecimal before, BigDecimal after) {
        public BigDecimal change() {
            return after.subtract(before);
        }
    }

    /**
     * The outcome: {@code rerated} CDRs read and priced again, {@code changed} whose price columns differ
     * (written unless a dry run), {@code unpriced} that no rate matches now; revenue per currency before
     * (as stored) and after; differences by subscriber and by destination region (ISO code, ZZ if none).
     */
    public record Result(Instant from, Instant to, long rerated, long changed, long unpriced, boolean dryRun,
                         Map<String, BigDecimal> before, Map<String, BigDecimal> after,
                         List<Difference> bySubscriber, List<Difference> byDestination) {}

    /** The instants [start of from's month, start of the month after to's) in the tariffs' zone. */
    public Instant[] span(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        var zone = rater.book().tariffs().zone();
        return new Instant[] {YearMonth.from(from).atDay(1).atStartOfDay(zone).toInstant(),
                YearMonth.from(to).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()};
    }

    public Result run(LocalDate from, LocalDate to, boolean dryRun) {
        Instant[] span = span(from, to);
        Totals totals = new Totals();
        try (PriceUpdates updates = dryRun ? null : new PriceUpdates(db)) {
            // Month by month, so that one query holds one month (DuckDB materializes a result).
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                var zone = rater.book().tariffs().zone();
                Instant start = m.atDay(1).atStartOfDay(zone).toInstant();
                Instant end = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
                month(start, end, updates, totals);
            }
        }
        return new Result(span[0], span[1], totals.rerated, totals.changed, totals.unpriced, dryRun, totals.before, totals.after,
                sorted(totals.bySubscriber), sorted(totals.byDestination));
    }

    /** Re-prices one billing month; {@code updates} is null in a dry run. */
    private void month(Instant start, Instant end, PriceUpdates updates, Totals totals) {
        String sql = "SELECT id, calling_number, called_number, start_time, duration_sec, type, result, operator, "
                + "cost, currency, rate_id, plan_version, cost_proof FROM cdr WHERE start_time >= ? AND start_time < ? "
                + "ORDER BY calling_number, start_time, id";
        try (Connection c = db.connect()) {
            if (db.dialect() != Dialect.DUCKDB) c.setAutoCommit(false); // a cursor: rows come FETCH at a time
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                ps.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(2, OffsetDateTime.ofInstant(end, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                String subscriber = null;
                FreeUnits left = FreeUnits.FRESH;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Cdr cdr = new Cdr(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                                (Integer) rs.getObject(5), CdrType.valueOf(rs.getString(6)), CdrResult.valueOf(rs.getString(7)), rs.getString(8));
                        Stored old = new Stored(rs.getBigDecimal(9), rs.getString(10), rs.getString(11), (Integer) rs.getObject(12), rs.getString(13));
                        if (!cdr.callingNumber().equals(subscriber)) {
                            subscriber = cdr.callingNumber();
                            left = FreeUnits.FRESH; // one query is one billing month: a new subscriber opens a fresh period
                        }
                        RatedCdr now;
                        RatingResult r = rater.rate(cdr, left);
                        if (r instanceof RatingResult.Rated rated) {
                            left = rater.balanceAfter(left, rated);
                            now = new RatedCdr(cdr, rated.cost(), rated.currency(), rated.rateId(), rated.planVersion(), rated.proof());
                        } else {
                            now = RatedCdr.unpriced(cdr);
                            totals.unpriced++;
                        }
                        totals.rerated++;
                        totals.add(cdr, old, now, region(cdr.calledNumber()));
                        String proof = now.priced() ? StoredProof.write(now.proof()) : null; // serialized once: compared, then stored
                        if (!old.same(now, proof)) {
                            totals.changed++;
                            if (updates != null) updates.add(now, proof);
                        }
                    }
                }
            } finally {
                if (db.dialect() != Dialect.DUCKDB) c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the stored CDRs: " + e.getMessage(), e);
        }
    }

    /** The price columns as stored. */
    private record Stored(BigDecimal cost, String currency, String rateId, Integer planVersion, String proof) {
        boolean same(RatedCdr now, String nowProof) {
            if (!now.priced()) return cost == null && currency == null && rateId == null && proof == null && (planVersion == null || planVersion == 0);
            return cost != null && storedScale(now.cost(), cost) && now.currency().equals(currency) && Objects.equals(now.rateId(), rateId)
                    && planVersion != null && planVersion == now.planVersion() && nowProof.equals(proof);
        }
    }

    /** The store keeps 6 decimals (DuckDB rounds half-even, PostgreSQL half-up). */
    private static boolean storedScale(BigDecimal exact, BigDecimal stored) {
        return stored.compareTo(exact) == 0 || stored.compareTo(exact.setScale(6, java.math.RoundingMode.HALF_EVEN)) == 0
                || stored.compareTo(exact.setScale(6, java.math.RoundingMode.HALF_UP)) == 0;
    }

    /** ISO region of a called number by libphonenumber (ZZ if none). */
    private String region(String number) {
        return places.of(number).region();
    }

    private static final class Totals {
        long rerated, changed, unpriced;
        final Map<String, BigDecimal> before = new TreeMap<>();
        final Map<String, BigDecimal> after = new TreeMap<>();
        final Map<List<String>, BigDecimal[]> bySubscriber = new HashMap<>();
        final Map<List<String>, BigDecimal[]> byDestination = new HashMap<>();

        void add(Cdr cdr, Stored old, RatedCdr now, String region) {
            if (old.cost != null && old.currency != null) {
                before.merge(old.currency, old.cost, BigDecimal::add);
                cell(bySubscriber, cdr.callingNumber(), old.currency)[0] = cell(bySubscriber, cdr.callingNumber(), old.currency)[0].add(old.cost);
                cell(byDestination, region, old.currency)[0] = cell(byDestination, region, old.currency)[0].add(old.cost);
            }
            if (now.priced()) {
                after.merge(now.currency(), now.cost(), BigDecimal::add);
                cell(bySubscriber, cdr.callingNumber(), now.currency())[1] = cell(bySubscriber, cdr.callingNumber(), now.currency())[1].add(now.cost());
                cell(byDestination, region, now.currency())[1] = cell(byDestination, region, now.currency())[1].add(now.cost());
            }
        }

        private static BigDecimal[] cell(Map<List<String>, BigDecimal[]> m, String key, String currency) {
            return m.computeIfAbsent(List.of(key, currency), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
    }

    /** Largest absolute change first, then by key and currency. */
    private static List<Difference> sorted(Map<List<String>, BigDecimal[]> m) {
        List<Difference> out = new ArrayList<>(m.size());
        m.forEach((k, v) -> out.add(new Difference(k.get(0), k.get(1), v[0], v[1])));
        out.sort(Comparator.comparing((Difference d) -> d.change().abs()).reversed().thenComparing(Difference::key).thenComparing(Difference::currency));
        return out;
    }
}
