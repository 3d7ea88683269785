package dev.switchboard.ivr;

import dev.switchboard.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IVR figures as SQL over {@code raw_session_data}, unchanged on DuckDB and PostgreSQL. A range is
 * of local dates in the configured zone, both included, read as a half-open range of
 * {@code call_start_time}; no bound means no limit on that side. The SQL counts; rates and averages are
 * divided here, so both engines give the same numbers. Definitions (docs/IVR.md):
 * <ul>
 *   <li>resolution, escalation, abandonment rate: sessions with resolution_status Resolved, Escalated,
 *       Abandoned over all sessions (so the three add up to 1); null without sessions;
 *   <li>average duration: mean of call_duration_sec;
 *   <li>month: the local month of call_start_time.
 * </ul>
 */
public final class IvrKpis {
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]+");
    private static final Instant NO_START = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant NO_END = Instant.parse("3000-01-01T00:00:00Z");
    private static final String COUNTS = """
            count(*) AS sessions,
            CAST(coalesce(sum(CASE WHEN resolution_status = 'Resolved' THEN 1 ELSE 0 END), 0) AS BIGINT) AS resolved,
            CAST(coalesce(sum(CASE WHEN resolution_status = 'Escalated' THEN 1 ELSE 0 END), 0) AS BIGINT) AS escalated,
            CAST(coalesce(sum(CASE WHEN resolution_status = 'Abandoned' THEN 1 ELSE 0 END), 0) AS BIGINT) AS abandoned,
            CAST(coalesce(sum(call_duration_sec), 0) AS BIGINT) AS seconds""";
    private static final String IN_RANGE = " FROM raw_session_data WHERE call_start_time >= ? AND call_start_time < ?";

    private final Database db;
    private final ZoneId zone;

    public IvrKpis(Database db, ZoneId zone) {
        if (!ZONE_ID.matcher(zone.getId()).matches()) throw new IllegalArgumentException("unexpected zone id " + zone.getId());
        this.db = db;
        this.zone = zone;
    }

    /** Sessions, resolved, escalated and abandoned counts, total seconds, and what follows from them. */
    public record Tally(long sessions, long resolved, long escalated, long abandoned, long seconds) {
        public Double resolutionRate() {
            return rate(resolved);
        }

        public Double escalationRate() {
            return rate(escalated);
        }

        public Double abandonmentRate() {
            return rate(abandoned);
        }

        public Double averageDurationSec() {
            return rate(seconds);
        }

        private Double rate(long n) {
            return sessions == 0 ? null : (double) n / sessions;
        }

        static Tally read(ResultSet rs) throws SQLException {
            return new Tally(rs.getLong("sessions"), rs.getLong("resolved"), rs.getLong("escalated"), rs.getLong("abandoned"), rs.getLong("seconds"));
        }
    }

    public record Summary(long customers, Tally tally) {}

    public record Month(String month, Tally tally) {}

    /** A topic name's tally and how its resolution rate compares with the overall one (rate − overall). */
    public record Topic(String topicType, String topicName, Tally tally, Double vsOverall) {}

    /** Sessions of a topic name per customer_sentiment (null: not given). */
    public record Sentiment(String topicName, Map<String, Long> counts) {}

    public Summary summary(LocalDate from, LocalDate to) {
        return query("SELECT count(DISTINCT customer_id) AS customers, " + COUNTS + IN_RANGE, from, to,
                rs -> new Summary(rs.getLong("customers"), Tally.read(rs))).get(0);
    }

    public List<Month> byMonth(LocalDate from, LocalDate to) {
        String month = "substr(CAST(CAST(call_start_time AT TIME ZONE '" + zone.getId() + "' AS DATE) AS VARCHAR), 1, 7)";
        return query("SELECT " + month + " AS m, " + COUNTS + IN_RANGE + " GROUP BY " + month + " ORDER BY 1", from, to,
                rs -> new Month(rs.getString("m"), Tally.read(rs)));
    }

    /** Per topic name, most sessions first; {@link Topic#vsOverall()} against the whole range's resolution rate. */
    public List<Topic> byTopic(LocalDate from, LocalDate to) {
        Double overall = summary(from, to).tally().resolutionRate();
        return query("SELECT topic_type, topic_name, " + COUNTS + IN_RANGE + " GROUP BY topic_type, topic_name ORDER BY sessions DESC, topic_name",
                from, to, rs -> {
                    Tally t = Tally.read(rs);
                    return new Topic(rs.getString("topic_type"), rs.getString("topic_name"), t, overall == null ? null : t.resolutionRate() - overall);
                });
    }

    public List<Sentiment> sentimentByTopic(LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        query("SELECT topic_name, customer_sentiment, count(*) AS n" + IN_RANGE + " GROUP BY topic_name, customer_sentiment ORDER BY topic_name",
                from, to, rs -> {
                    out.computeIfAbsent(rs.getString("topic_name"), k -> new LinkedHashMap<>()).put(rs.getString("customer_sentiment"), rs.getLong("n"));
                    return null;
                });
        List<Sentiment> list = new ArrayList<>();
        out.forEach((topic, counts) -> list.add(new Sentiment(topic, counts)));
        return list;
    }

    /** Rated-call charges of one currency, and what they come to per resolved contact (null without one). */
    public record Charges(String currency, BigDecimal amount, BigDecimal perResolvedContact) {}

    /**
     * Bot-to-bill over the customers that have both IVR sessions and rated calls in the range: their
     * sessions, how many were resolved, how many the bot resolved without an agent, the share of those,
     * and their rated charges per currency with the charge per resolved contact.
     */
    public record BotToBill(long customers, long contacts, long resolved, long botResolved, Double botResolvedShare, List<Charges> charges) {}

    /** An IVR customer_id links to the customer whose id (as text) it is; their rated calls are the cdr rows from their numbers. */
    private static final String LINKED = """
            SELECT DISTINCT s.customer_id FROM raw_session_data s
            JOIN customer_phone p ON CAST(p.customer_id AS VARCHAR) = s.customer_id
            JOIN cdr c ON c.calling_number = p.number AND c.cost IS NOT NULL AND c.start_time >= ? AND c.start_time < ?
            WHERE s.call_start_time >= ? AND s.call_start_time < ?""";

    public BotToBill botToBill(LocalDate from, LocalDate to) {
        String sessions = "WITH linked AS (" + LINKED + ") SELECT count(DISTINCT s.customer_id) AS customers, count(*) AS contacts,"
                + " CAST(coalesce(sum(CASE WHEN s.resolution_status = 'Resolved' THEN 1 ELSE 0 END), 0) AS BIGINT) AS resolved,"
                + " CAST(coalesce(sum(CASE WHEN s.resolution_status = 'Resolved' AND s.escalation_flag = 'N' AND NOT EXISTS ("
                + "SELECT 1 FROM conversation_data t WHERE t.session_id = s.session_id AND t.speaker = 'Agent') THEN 1 ELSE 0 END), 0) AS BIGINT) AS bot"
                + " FROM raw_session_data s WHERE s.customer_id IN (SELECT customer_id FROM linked)"
                + " AND s.call_start_time >= ? AND s.call_start_time < ?";
        long[] counts = query(sessions, from, to, 3, rs -> new long[] {rs.getLong("customers"), rs.getLong("contacts"), rs.getLong("resolved"),
                rs.getLong("bot")}).get(0);
        String charges = "WITH linked AS (" + LINKED + ") SELECT c.currency, sum(c.cost) AS amount FROM cdr c"
                + " JOIN customer_phone p ON p.number = c.calling_number"
                + " WHERE CAST(p.customer_id AS VARCHAR) IN (SELECT customer_id FROM linked) AND c.cost IS NOT NULL"
                + " AND c.start_time >= ? AND c.start_time < ? GROUP BY c.currency ORDER BY c.currency";
        long resolved = counts[2];
        List<Charges> byCurrency = query(charges, from, to, 3, rs -> {
            BigDecimal amount = rs.getBigDecimal("amount").setScale(6, RoundingMode.HALF_EVEN);
            return new Charges(rs.getString("currency"), amount,
                    resolved == 0 ? null : amount.divide(BigDecimal.valueOf(resolved), 6, RoundingMode.HALF_EVEN));
        });
        return new BotToBill(counts[0], counts[1], resolved, counts[3], counts[1] == 0 ? null : (double) counts[3] / counts[1], byCurrency);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, LocalDate from, LocalDate to, Row<T> row) {
        return query(sql, from, to, 1, row);
    }

    /** Runs {@code sql} with the range's start and end bound {@code ranges} times in a row. */
    private <T> List<T> query(String sql, LocalDate from, LocalDate to, int ranges, Row<T> row) {
        Instant start = from == null ? NO_START : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? NO_END : to.plusDays(1).atStartOfDay(zone).toInstant();
        return db.read("IVR figures", c -> run(c, sql, start, end, ranges, row));
    }

    private static <T> List<T> run(Connection c, String sql, Instant start, Instant end, int ranges, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ranges; i++) {
                ps.setObject(2 * i + 1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(2 * i + 2, OffsetDateTime.ofInstant(end, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
            return out;
        }
    }
}
