package dev.switchboard.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.mediation.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Shared pieces of the store tests: a fresh history store per engine (a DuckDB file in a temporary
 * folder; on PostgreSQL, when {@code SWITCHBOARD_TEST_PG} names one, a schema of its own that is
 * dropped afterwards), the CDR table mappings, sample records and read-back helpers.
 */
public final class StoreFixtures {
    static final String PG_ENV = "SWITCHBOARD_TEST_PG";
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private StoreFixtures() {}

    /**
     * A store made for one test. PostgreSQL variants are skipped when the variable is unset; when it
     * is set and the server cannot be reached, creating the schema throws and the test fails.
     */
    public static TestStore fresh(Dialect dialect, Path dir) {
        if (dialect == Dialect.DUCKDB) return new TestStore(dialect, "jdbc:duckdb:" + dir.resolve("history-" + UUID.randomUUID() + ".duckdb"), null);
        String pg = System.getenv(PG_ENV);
        assumeTrue(pg != null && !pg.isBlank(), PG_ENV + " is not set: PostgreSQL variant skipped");
        String schema = "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError(PG_ENV + "=" + pg + " is set but unusable: " + e.getMessage(), e);
        }
        return new TestStore(dialect, pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
    }

    /** A store URL and, on PostgreSQL, the schema to drop when the test is done. */
    public record TestStore(Dialect dialect, String url, String schema) implements AutoCloseable {
        public Database open() {
            return Database.open(url, "", "");
        }

        public Database openReadOnly() {
            return Database.openReadOnly(url, "", "");
        }

        @Override
        public void close() throws SQLException {
            if (schema == null) return;
            try (Connection c = DriverManager.getConnection(System.getenv(PG_ENV)); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    // ---- the CDR mappings, taken from the routes the sink runs

    static TableMapping<Cdr> cdrRows() {
        return mapping(CdrTopics.CLEAN.name());
    }

    static TableMapping<ErrorRecord> errorRows() {
        return mapping(CdrTopics.ERROR.name());
    }

    @SuppressWarnings("unchecked")
    private static <V> TableMapping<V> mapping(String topic) {
        return (TableMapping<V>) CdrHistory.routes().stream().filter(r -> r.topic().equals(topic)).findFirst().orElseThrow().mapping();
    }

    /** Writes values through the real write path, in one transaction; positions count from {@code firstOffset}. */
    static <V> void write(Database db, TableMapping<V> mapping, long firstOffset, List<V> values) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            RowWriter.write(db.dialect(), c, mapping, rows(mapping, firstOffset, values));
            c.commit();
        }
    }

    static <V> List<Object[]> rows(TableMapping<V> mapping, long firstOffset, List<V> values) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++)
            rows.addAll(mapping.rows(values.get(i), new TableMapping.RecordPosition(CdrTopics.ERROR.name(), 0, firstOffset + i)));
        return rows;
    }

    // ---- sample records

    static Cdr voice(String id, Instant start, int seconds) {
        return new Cdr(id, "+33612345678", "+33198765432", start, seconds, CdrType.VOICE, CdrResult.ANSWERED, "Orange");
    }

    static Cdr sms(String id, Instant start) {
        return new Cdr(id, "+4915112345678", "+4915187654321", start, null, CdrType.SMS, CdrResult.ANSWERED, null);
    }

    static ErrorRecord error(String raw, Instant received, String... reasonCodes) {
        return new ErrorRecord("cdr", "http", "cdr-json", received, Arrays.stream(reasonCodes).map(c -> new Reason(c, null)).toList(), raw);
    }

    // ---- reading back

    /** Every stored CDR, ordered by id, as records again. */
    static List<Cdr> storedCdrs(Database db) throws SQLException {
        List<Cdr> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, calling_number, called_number, start_time, duration_sec, type, result, operator FROM cdr ORDER BY id")) {
            while (rs.next()) {
                out.add(new Cdr(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), (Integer) rs.getObject(5),
                        CdrType.valueOf(rs.getString(6)), CdrResult.valueOf(rs.getString(7)), rs.getString(8)));
            }
        }
        return out;
    }

    /** A stored error row. */
    record StoredError(String topic, int partition, long offset, String source, String format, Instant receivedAt, String reasons, String raw) {}

    static List<StoredError> storedErrors(Database db) throws SQLException {
        List<StoredError> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT topic, topic_partition, topic_offset, source, format, received_at, reasons, raw "
                        + "FROM cdr_error ORDER BY topic, topic_partition, topic_offset")) {
            while (rs.next()) {
                out.add(new StoredError(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5), instant(rs, 6),
                        rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    static long count(Database db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
