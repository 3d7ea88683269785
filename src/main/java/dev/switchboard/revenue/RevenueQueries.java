package dev.switchboard.revenue;

import dev.switchboard.store.Database;
import dev.switchboard.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The revenue questions in SQL that runs unchanged on DuckDB and PostgreSQL. Every query reads a
 * half-open range of {@code start_time} computed in Java from the configured zone, so the index on
 * start_time serves it. A NULL cost is a CDR not rated yet: {@code count(cost)} counts the rated ones,
 * {@code sum(cost)} skips the others.
 */
public final class RevenueQueries {
    /** The aggregate every grouping shares; sums cast to BIGINT so both engines hand back a long. */
    private static final String USAGE = """
            count(*) AS cdrs,
            CAST(coalesce(sum(CASE WHEN type = 'VOICE' THEN 1 ELSE 0 END), 0) AS BIGINT) AS calls,
            CAST(coalesce(sum(CASE WHEN type = 'SMS' THEN 1 ELSE 0 END), 0) AS BIGINT) AS sms,
            CAST(coalesce(sum(CASE WHEN type = 'VOICE' THEN coalesce(duration_sec, 0) ELSE 0 END), 0) AS BIGINT) AS voice_seconds,
            count(cost) AS rated,
            sum(cost) AS amount,
            min(CASE WHEN cost IS NOT NULL THEN currency END) AS min_currency,
            max(CASE WHEN cost IS NOT NULL THEN currency END) AS max_currency""";
    private static final String IN_RANGE = " FROM cdr WHERE start_time >= ? AND start_time < ?";
    /** Enough of an E.164 number ('+' and 7 digits) to tell apart regions that share a country code (+1 NANP, +44 GG/JE/IM, +7 KZ, +39 VA). */
    static final int COUNTRY_PREFIX = 8;
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]+");

    private final Database db;

    public RevenueQueries(Database db) {
        this.db = db;
    }

    /** Totals of the range, one row per currency of the rated CDRs (unrated CDRs fall in the NULL-currency row). */
    public List<CurrencyTotals> totals(Instant from, Instant to) {
        String sql = "SELECT CASE WHEN cost IS NOT NULL THEN currency END AS cur, " + USAGE + ","
                + " CAST(coalesce(sum(CASE WHEN type = 'VOICE' AND result = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS answered,"
                + " CAST(coalesce(sum(CASE WHEN type = 'VOICE' AND result = 'ANSWERED' THEN coalesce(duration_sec, 0) ELSE 0 END), 0) AS BIGINT) AS answered_seconds"
                + IN_RANGE + " GROUP BY 1";
        return query(sql, List.of(from, to), rs -> new CurrencyTotals(rs.getString("cur"), usage(rs), rs.getLong("answered"), rs.getLong("answered_seconds")));
    }

    /** Per calling number; ranked by amount (rated numbers only) or by usage (voice seconds, then CDRs). */
    public List<Keyed> top(Instant from, Instant to, TopBy by, int limit) {
        String order = by == TopBy.AMOUNT
                ? " HAVING count(cost) > 0 ORDER BY amount DESC, cdrs DESC, calling_number"
                : " ORDER BY voice_seconds DESC, cdrs DESC, calling_number";
        String sql = "SELECT calling_number AS k, " + USAGE + IN_RANGE + " GROUP BY calling_number" + order + " LIMIT ?";
        return query(sql, List.of(from, to, limit), rs -> new Keyed(rs.getString("k"), null, usage(rs)));
    }

    /** Per operator; a CDR without one is grouped under the empty string. */
    public List<Keyed> byOperator(Instant from, Instant to) {
        String sql = "SELECT coalesce(operator, '') AS k, " + USAGE + IN_RANGE + " GROUP BY coalesce(operator, '')";
        return query(sql, List.of(from, to), rs -> new Keyed(rs.getString("k"), null, usage(rs)));
    }

    /** Per called-number prefix of {@link #COUNTRY_PREFIX} characters, with one number of the group to find its region by. */
    public List<Keyed> byCalledPrefix(Instant from, Instant to) {
        String sql = "SELECT substr(called_number, 1, " + COUNTRY_PREFIX + ") AS k, min(called_number) AS sample, " + USAGE + IN_RANGE
                + " GROUP BY substr(called_number, 1, " + COUNTRY_PREFIX + ")";
        return query(sql, List.of(from, to), rs -> new Keyed(rs.getString("k"), rs.getString("sample"), usage(rs)));
    }

    /** Per local day of the zone and currency. */
    public List<DayTotals> daily(Instant from, Instant to, ZoneId zone) {
        String id = zone.getId();
        if (!ZONE_ID.matcher(id).matches()) throw new IllegalArgumentException("unexpected zone id " + id);
        // The zone id is checked above and written as a literal: DuckDB does not type a parameter there.
        String day = "CAST(start_time AT TIME ZONE '" + id + "' AS DATE)";
        String sql = "SELECT CAST(" + day + " AS VARCHAR) AS d, " + USAGE + IN_RANGE + " GROUP BY " + day;
        return query(sql, List.of(from, to), rs -> new DayTotals(LocalDate.parse(rs.getString("d")), usage(rs)));
    }

    /** How many error rows have each distinct {@code reasons} text (optionally received in a range). */
    public List<ReasonsCount> errorReasons(Instant from, Instant to) {
        String where = from == null ? "" : " WHERE received_at >= ? AND received_at < ?";
        return query("SELECT reasons, count(*) AS n FROM cdr_error" + where + " GROUP BY reasons",
                from == null ? List.of() : List.of(from, to), rs -> new ReasonsCount(rs.getString("reasons"), rs.getLong("n")));
    }

    /** The newest error rows whose {@code reasons} text is one of {@code reasonTexts}. */
    public List<ErrorSample> errorSamples(Collection<String> reasonTexts, Instant from, Instant to, int limit) {
        if (reasonTexts.isEmpty() || limit == 0) return List.of();
        List<Object> params = new ArrayList<>(reasonTexts);
        String in = String.join(",", java.util.Collections.nCopies(reasonTexts.size(), "?"));
        String range = "";
        if (from != null) {
            range = " AND received_at >= ? AND received_at < ?";
            params.add(from);
            params.add(to);
        }
        params.add(limit);
        String sql = "SELECT source, format, received_at, reasons, raw FROM cdr_error WHERE reasons IN (" + in + ")" + range
                + " ORDER BY received_at DESC, topic, topic_partition, topic_offset LIMIT ?";
        return query(sql, params, rs -> new ErrorSample(rs.getString("source"), rs.getString("format"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("reasons"), rs.getString("raw")));
    }

    private static Usage usage(ResultSet rs) throws SQLException {
        return new Usage(rs.getLong("cdrs"), rs.getLong("calls"), rs.getLong("sms"), rs.getLong("voice_seconds"), rs.getLong("rated"),
                rs.getBigDecimal("amount"), rs.getString("min_currency"), rs.getString("max_currency"));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, Row<T> row) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) bind(ps, i + 1, params.get(i));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("revenue query failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof Instant t) ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        else if (v instanceof Integer n) ps.setInt(i, n);
        else ps.setString(i, (String) v);
    }

    public enum TopBy { AMOUNT, USAGE }

    public record CurrencyTotals(String currency, Usage usage, long answered, long answeredSeconds) {}

    public record Keyed(String key, String sample, Usage usage) {}

    public record DayTotals(LocalDate day, Usage usage) {}

    public record ReasonsCount(String reasons, long count) {}

    public record ErrorSample(String source, String format, Instant receivedAt, String reasons, String raw) {}
}
