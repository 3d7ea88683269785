package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Sex;
import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the training set from table {@code call}, in time order (queued_at, then call_id), on DuckDB
 * and PostgreSQL. Only ANSWERED calls with a subject are rows, but every earlier call of the caller
 * (abandoned ones too, and calls before {@code from}) counts for the 7-day count and the last call.
 * Nothing after a call's own arrival is read into its features.
 */
public final class TrainingHistory {
    /**
     * calls_last_7d: the caller's calls queued in [queued_at - 7 days, queued_at), by a RANGE window (which
     * also counts the row itself, hence - 1). The last call: the previous one by queued_at, known only when
     * it had ended by the time this one was queued. Times come as epoch milliseconds ({@code %1$s}, per
     * engine): reading a million timestamps as objects through JDBC costs more than the query.
     */
    static final String SQL = """
            SELECT call_id, %1$s AS queued_ms, queue, caller_number, city, sex, age, calls_last_30d, dialled_number, subject,
                   calls_last_7d,
                   CASE WHEN prev_ended_at IS NULL OR prev_ended_at > queued_at THEN 'NONE'
                        WHEN prev_outcome = 'ABANDONED' THEN 'ABANDONED'
                        ELSE COALESCE(prev_subject, 'NONE') END AS last_call
            FROM (
                SELECT call_id, queued_at, queue, caller_number, city, sex, age, calls_last_30d, dialled_number, subject, outcome,
                       COUNT(*) OVER (PARTITION BY caller_number ORDER BY queued_at
                                      RANGE BETWEEN INTERVAL '7 days' PRECEDING AND CURRENT ROW) - 1 AS calls_last_7d,
                       LAG(outcome) OVER w AS prev_outcome,
                       LAG(subject) OVER w AS prev_subject,
                       LAG(ended_at) OVER w AS prev_ended_at
                FROM call
                WHERE queued_at IS NOT NULL %2$s
                WINDOW w AS (PARTITION BY caller_number ORDER BY queued_at, call_id)
            ) h
            WHERE outcome = 'ANSWERED' AND subject IS NOT NULL %3$s
            ORDER BY queued_at, call_id
            """;

    private final Database db;
    private final ZoneId zone;

    public TrainingHistory(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** Rows queued in [from, until); either bound may be null (open). */
    public List<TrainingRow> read(Instant from, Instant until) {
        ProductsHeld products = ProductsHeld.load(db);
        String epochMs = db.dialect() == dev.switchboard.store.Dialect.DUCKDB ? "epoch_ms(queued_at)"
                : "CAST(EXTRACT(EPOCH FROM queued_at) * 1000 AS BIGINT)";
        String sql = SQL.formatted(epochMs, until == null ? "" : "AND queued_at < ?", from == null ? "" : "AND queued_at >= ?");
        return db.read("cannot read the training history", c -> {
            List<TrainingRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                if (until != null) ps.setObject(p++, OffsetDateTime.ofInstant(until, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                if (from != null) ps.setObject(p, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(row(rs, products));
                }
            }
            return rows;
        });
    }

    private TrainingRow row(ResultSet rs, ProductsHeld products) throws java.sql.SQLException {
        Instant queuedAt = Instant.ofEpochMilli(rs.getLong(2));
        ZonedDateTime local = queuedAt.atZone(zone);
        String number = rs.getString(4);
        String sex = rs.getString(6);
        int age = rs.getInt(7);
        Integer ageOrNull = rs.wasNull() ? null : age;
        int last30 = rs.getInt(8);
        int last7 = number == null ? 0 : Math.min(rs.getInt(11), last30); // the stream's 30-day count is the reference
        LastCall last = number == null ? LastCall.NONE : LastCall.valueOf(rs.getString(12));
        CallFeatures f = new CallFeatures(rs.getString(5), sex == null ? null : Sex.valueOf(sex), ageOrNull,
                products.on(number, local.toLocalDate()), last30, last7, last, local.getHour(), local.getDayOfWeek(), rs.getString(3),
                rs.getString(9));
        return new TrainingRow(rs.getString(1), queuedAt, f, CallSubject.valueOf(rs.getString(10)));
    }
}
