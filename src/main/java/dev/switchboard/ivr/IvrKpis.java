package dev.switchboard.ivr;

import dev.switchboard.store.Database;
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

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, LocalDate from, LocalDate to, Row<T> row) {
        Instant start = from == null ? NO_START : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? NO_END : to.plusDays(1).atStartOfDay(zone).toInstant();
        return db.read("IVR figures", c -> run(c, sql, start, end, row));
    }

    private static <T> List<T> run(Connection c, String sql, Instant start, Instant end, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(2, OffsetDateTime.ofInstant(end, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
            return out;
        }
    }
}
