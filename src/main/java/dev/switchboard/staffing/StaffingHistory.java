package dev.switchboard.staffing;

import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured inputs of a coming interval, as SQL over table {@code call} (unchanged on DuckDB and PostgreSQL):
 * the calls queued in the same local weekday and time in each of the last weeks, their talk and wait times and
 * the agents who answered them. The windows are computed here in the zone (so a DST change keeps the local
 * time) and bound as instants; the SQL only counts and sums. A week counts as covered when the history's first
 * call is at or before its window's start, so a history younger than the look-back does not dilute the mean.
 */
public final class StaffingHistory {
    private static final String SUMS = """
            SELECT wk, count(*) AS queued,
            CAST(coalesce(sum(CASE WHEN outcome = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS answered,
            CAST(coalesce(sum(CASE WHEN outcome = 'ABANDONED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS abandoned,
            CAST(coalesce(sum(CASE WHEN outcome = 'ANSWERED' AND talk_sec IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS talked,
            CAST(coalesce(sum(CASE WHEN outcome = 'ANSWERED' THEN talk_sec ELSE 0 END), 0) AS BIGINT) AS talk,
            CAST(coalesce(sum(wait_sec), 0) AS BIGINT) AS waited,
            count(DISTINCT CASE WHEN outcome = 'ANSWERED' THEN agent END) AS agents
            FROM (SELECT %s AS wk, outcome, wait_sec, talk_sec, agent FROM call WHERE queued_at >= ? AND queued_at < ?%s) w
            WHERE wk IS NOT NULL GROUP BY wk""";

    private final Database db;
    private final ZoneId zone;

    public StaffingHistory(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** The queue names in the history, sorted. */
    public List<String> queues() {
        return db.read("staffing queues", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT queue FROM call WHERE queue IS NOT NULL ORDER BY queue");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** The history's first queued time, or null when table {@code call} is empty. */
    public Instant firstCall() {
        return db.read("staffing history start", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT min(queued_at) FROM call"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        });
    }

    /**
     * The interval [start, start + 30 min) as seen 1 to {@code weeks} weeks before, at the same local time in the
     * zone; {@code queue} null for every queue together; {@code firstCall} from {@link #firstCall()}.
     */
    public IntervalHistory measure(Instant start, String queue, int weeks, Instant firstCall) {
        List<Instant[]> windows = new ArrayList<>();
        ZonedDateTime local = start.atZone(zone);
        for (int k = 1; k <= weeks; k++) {
            Instant from = local.minusWeeks(k).toInstant();
            if (firstCall != null && !firstCall.isAfter(from)) windows.add(new Instant[] {from, from.plusSeconds(IntervalHistory.INTERVAL_SEC)});
        }
        if (windows.isEmpty()) return new IntervalHistory(start, 0, 0, 0, 0, 0, 0, 0, 0);
        StringBuilder week = new StringBuilder("CASE");
        for (int i = 0; i < windows.size(); i++) week.append(" WHEN queued_at >= ? AND queued_at < ? THEN ").append(i);
        week.append(" END");
        String sql = SUMS.formatted(week, queue == null ? "" : " AND queue = ?");
        Instant earliest = windows.get(windows.size() - 1)[0], latest = windows.get(0)[1];
        return db.read("staffing inputs", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (Instant[] w : windows) {
                    bind(ps, p++, w[0]);
                    bind(ps, p++, w[1]);
                }
                bind(ps, p++, earliest);
                bind(ps, p++, latest);
                if (queue != null) ps.setString(p, queue);
                return sum(start, windows.size(), ps);
            }
        });
    }

    private static IntervalHistory sum(Instant start, int weeks, PreparedStatement ps) throws SQLException {
        long queued = 0, answered = 0, abandoned = 0, talked = 0, talk = 0, waited = 0, agents = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                queued += rs.getLong("queued");
                answered += rs.getLong("answered");
                abandoned += rs.getLong("abandoned");
                talked += rs.getLong("talked");
                talk += rs.getLong("talk");
                waited += rs.getLong("waited");
                agents += rs.getLong("agents");
            }
        }
        return new IntervalHistory(start, weeks, queued, answered, abandoned, talked, talk, waited, agents);
    }

    private static void bind(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
