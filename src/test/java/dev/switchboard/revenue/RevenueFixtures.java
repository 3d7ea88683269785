package dev.switchboard.revenue;

import dev.switchboard.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rows written straight into the history with SQL, costs chosen by hand (null cost: not rated). */
public final class RevenueFixtures {
    private RevenueFixtures() {}

    public static void cdr(Database db, String id, String from, String to, Instant start, Integer seconds, String type, String result,
            String operator, String cost, String currency) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO cdr (id, calling_number, called_number, start_time,"
                + " duration_sec, type, result, operator, cost, currency, rate_id, plan_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setObject(4, OffsetDateTime.ofInstant(start, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            if (seconds == null) ps.setNull(5, Types.INTEGER);
            else ps.setInt(5, seconds);
            ps.setString(6, type);
            ps.setString(7, result);
            ps.setString(8, operator);
            ps.setBigDecimal(9, cost == null ? null : new BigDecimal(cost));
            ps.setString(10, currency);
            ps.setString(11, cost == null ? null : "r-" + id);
            if (cost == null) ps.setNull(12, Types.INTEGER);
            else ps.setInt(12, 1);
            ps.executeUpdate();
        }
    }

    public static void error(Database db, long offset, Instant receivedAt, String reasons, String raw) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO cdr_error (topic, topic_partition, topic_offset,"
                + " source, format, received_at, reasons, raw) VALUES ('cdr-error', 0, ?, 'http', 'cdr-json', ?, ?, ?)")) {
            ps.setLong(1, offset);
            ps.setObject(2, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(3, reasons);
            ps.setString(4, raw);
            ps.executeUpdate();
        }
    }
}
