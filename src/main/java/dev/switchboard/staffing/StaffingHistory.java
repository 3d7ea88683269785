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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured inputs of a coming interval, as SQL over table {@code call} (unchanged on DuckDB and PostgreSQL):
 * the calls queued in the same local weekday and time in each of the last weeks, their talk and wait times and
 * the agents who answered them. The windows are computed here in the zone (so a DST change keeps the local
 * time); the SQL sums the look-back per half hour and the half hours of the windows are picked out here. A week counts as covered when the history's first
 * call is at or before its window's start, so a history younger than the look-back does not dilute the mean.
 */
public final class StaffingHistory {
    /**
     * Sums per local half hour over the look-back: a call's half hour is floor((epoch − r) / 1800), r the zone's
     * offset modulo 30 min (0 for whole- and half-hour zones, 900 for Nepal's +5:45), so every window is exactly one
     * bucket. One group-by over the range, whatever the number of intervals and weeks.
     */
    private static final String SUMS = """
            SELECT CAST(floor((extract(epoch FROM queued_at) - %d) / 1800) AS BIGINT) AS half_hour, count(*) AS queued,
            CAST(coalesce(sum(CASE WHEN outcome = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS answered,
            CAST(coalesce(sum(CASE WHEN outcome = 'ABANDONED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS abandoned,
            CAST(coalesce(sum(CASE WHEN outcome = 'ANSWERED' AND talk_sec IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS talked,
            CAST(coalesce(sum(CASE WHEN outcome = 'ANSWERED' THEN talk_sec ELSE 0 END), 0) AS BIGINT) AS talk,
            CAST(coalesce(sum(wait_sec), 0) AS BIGINT) AS waited,
            count(DISTINCT CASE WHEN outcome = 'ANSWERED' THEN agent END) AS agents
            FROM call WHERE queued_at >= ? AND queued_at < ?%s
            GROUP BY 1""";

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

    /** {@link #measureAll} of one interval. */
    public IntervalHistory measure(Instant start, String queue, int weeks, Instant firstCall) {
        return measureAll(List.of(start), queue, weeks, firstCall).get(0);
    }

    /**
     * Each interval [start, start + 30 min) as seen 1 to {@code weeks} weeks before, at the same local time in
     * the zone; {@code queue} null for every queue together; {@code firstCall} from {@link #firstCall()}.
     */
    public List<IntervalHistory> measureAll(List<Instant> starts, String queue, int weeks, Instant firstCall) {
        List<Window> windows = new ArrayList<>();
        int[] covered = new int[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            ZonedDateTime local = starts.get(i).atZone(zone);
            for (int k = 1; k <= weeks; k++) {
                Instant from = local.minusWeeks(k).toInstant();
                if (firstCall == null || firstCall.isAfter(from)) continue;
                windows.add(new Window(i, from));
                covered[i]++;
            }
        }
        long[][] sums = new long[starts.size()][7];
        if (!windows.isEmpty()) {
            int residue = Math.floorMod(zone.getRules().getOffset(windows.get(0).from).getTotalSeconds(), IntervalHistory.INTERVAL_SEC);
            Map<Long, Integer> intervalOf = new HashMap<>();
            Instant earliest = windows.get(0).from, latest = earliest;
            for (Window w : windows) {
                long offset = w.from.getEpochSecond() - residue;
                if (Math.floorMod(offset, IntervalHistory.INTERVAL_SEC) != 0)
                    throw new IllegalStateException("the local half hours of " + zone.getId() + " do not stay aligned: " + w.from);
                intervalOf.put(Math.floorDiv(offset, IntervalHistory.INTERVAL_SEC), w.interval);
                if (w.from.isBefore(earliest)) earliest = w.from;
                if (w.from.isAfter(latest)) latest = w.from;
            }
            String sql = SUMS.formatted(residue, queue == null ? "" : " AND queue = ?");
            Instant from = earliest, to = latest.plusSeconds(IntervalHistory.INTERVAL_SEC);
            db.read("staffing inputs", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, 1, from);
                    bind(ps, 2, to);
                    if (queue != null) ps.setString(3, queue);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Integer i = intervalOf.get(rs.getLong("half_hour"));
                            if (i != null) add(sums[i], rs);
                        }
                    }
                }
                return null;
            });
        }
        List<IntervalHistory> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long[] s = sums[i];
            out.add(new IntervalHistory(starts.get(i), covered[i], s[0], s[1], s[2], s[3], s[4], s[5], s[6]));
        }
        return out;
    }

    private record Window(int interval, Instant from) {}

    private static void add(long[] sums, ResultSet rs) throws SQLException {
        String[] columns = {"queued", "answered", "abandoned", "talked", "talk", "waited", "agents"};
        for (int j = 0; j < columns.length; j++) sums[j] += rs.getLong(columns[j]);
    }

    private static void bind(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
