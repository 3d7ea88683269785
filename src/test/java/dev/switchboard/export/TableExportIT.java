package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.callcenter.Sex;
import dev.switchboard.customer.CustomerDraft;
import dev.switchboard.customer.CustomerStore;
import dev.switchboard.customer.FieldCipher;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import dev.switchboard.store.StoreFixtures.TestStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports tables of a DuckDB store (and of PostgreSQL when SWITCHBOARD_TEST_PG is set), reads the Parquet files
 * back with DuckDB's {@code read_parquet(…, hive_partitioning = true)} and compares every row and the {@code dt=}
 * folders. Dates are local to Europe/Paris: summer time starts on 29 March 2026.
 */
class TableExportIT {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir Path tmp;

    /** id → the local date its start_time falls on in Paris. */
    static final Map<String, String> DT = Map.of(
            "c1", "2026-03-01",  // 23:59:59 on 1 March in Paris
            "c2", "2026-03-02",  // 00:00:00 on 2 March in Paris, still 1 March in UTC
            "c3", "2026-03-02",
            "c4", "2026-03-05",  // an SMS: no duration, rated
            "c5", "2026-03-30"); // 00:30 CEST on 30 March, still the 29th in UTC

    static void insertCdrs(Database db) {
        sql(db, "INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result, operator, cost, currency, rate_id, plan_version) VALUES "
                + "('c1', '+33612345678', '+33198765432', TIMESTAMPTZ '2026-03-01T22:59:59Z', 120, 'VOICE', 'ANSWERED', 'Orange', 1.200000, 'EUR', 'r1', 1),"
                + "('c2', '+33612345678', '+14165550123', TIMESTAMPTZ '2026-03-01T23:00:00Z', 61, 'VOICE', 'ANSWERED', 'Orange', 0.333333, 'EUR', 'r2', 1),"
                + "('c3', '+33700000001', '+33198765432', TIMESTAMPTZ '2026-03-02T10:00:00.123Z', 0, 'VOICE', 'BUSY', NULL, NULL, NULL, NULL, NULL),"
                + "('c4', '+4915112345678', '+4915187654321', TIMESTAMPTZ '2026-03-05T12:00:00Z', NULL, 'SMS', 'ANSWERED', NULL, 0.050000, 'EUR', 'r3', 2),"
                + "('c5', '+33612345678', '+33198765432', TIMESTAMPTZ '2026-03-29T22:30:00Z', 30, 'VOICE', 'NO_ANSWER', 'SFR', 0.000000, 'EUR', 'r1', 2)");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyRowComesBackInTheFolderOfItsLocalDate(Dialect dialect) throws Exception {
        try (TestStore store = StoreFixtures.fresh(dialect, tmp); Database db = store.open()) {
            insertCdrs(db);
            Path out = tmp.resolve("cdr-export");
            ExportResult r = TableExport.run(db, request("cdr", out, null, null, false));

            assertThat(r.partitionColumn()).isEqualTo("start_time");
            assertThat(r.rows()).isEqualTo(5);
            assertThat(r.partitions()).containsExactly("dt=2026-03-01", "dt=2026-03-02", "dt=2026-03-05", "dt=2026-03-30");
            assertThat(folders(out)).containsExactlyElementsOf(r.partitions());
            String cols = "id, calling_number, called_number, start_time, duration_sec, type, result, operator, cost, currency, rate_id, plan_version";
            assertThat(readBack(out, cols + " ORDER BY id")).isEqualTo(rows(db, "SELECT " + cols + " FROM cdr ORDER BY id")).hasSize(5);
            Map<String, String> dt = new TreeMap<>();
            for (List<Object> row : readBack(out, "id, CAST(dt AS VARCHAR)")) dt.put((String) row.get(0), (String) row.get(1));
            assertThat(dt).isEqualTo(DT);

            // PostgreSQL copies out a chunk at a time: chunks of 2 rows give the same data set, in more files
            ExportResult chunked = TableExport.run(db, request("cdr", tmp.resolve("chunked"), null, null, false), 2);
            assertThat(chunked.rows()).isEqualTo(5);
            assertThat(chunked.partitions()).isEqualTo(r.partitions());
            if (dialect == Dialect.POSTGRES) assertThat(chunked.files()).isEqualTo(5); // [01 02] [02 05] [30]
            assertThat(readBack(tmp.resolve("chunked"), "id, CAST(dt AS VARCHAR), " + cols + " ORDER BY id"))
                    .isEqualTo(readBack(out, "id, CAST(dt AS VARCHAR), " + cols + " ORDER BY id"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRangeReplacesOnlyItsOwnDatesAndANonEmptyFolderNeedsOverwrite(Dialect dialect) throws Exception {
        try (TestStore store = StoreFixtures.fresh(dialect, tmp); Database db = store.open()) {
            insertCdrs(db);
            Path out = tmp.resolve("cdr-export");
            TableExport.run(db, request("cdr", out, null, null, false));
            ExportRequest range = new ExportRequest("cdr", out, null, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05"), false, PARIS);
            assertThatThrownBy(() -> TableExport.run(db, range)).isInstanceOf(ExportException.class).hasMessageContaining("not empty")
                    .hasMessageContaining("--overwrite");

            sql(db, "UPDATE cdr SET operator = 'Bouygues' WHERE id IN ('c2', 'c1')");
            ExportResult r = TableExport.run(db, new ExportRequest("cdr", out, null, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05"), true, PARIS));
            assertThat(r.rows()).isEqualTo(3);
            assertThat(r.partitions()).containsExactly("dt=2026-03-02", "dt=2026-03-05");
            // c2 (the 2nd) was written again, c1 (the 1st, outside the range) was not; nothing is doubled
            assertThat(readBack(out, "id, operator ORDER BY id")).containsExactly(List.of("c1", "Orange"), List.of("c2", "Bouygues"),
                    Arrays.asList("c3", null), Arrays.asList("c4", null), List.of("c5", "SFR"));

            ExportResult all = TableExport.run(db, request("cdr", out, null, null, true));
            assertThat(all.rows()).isEqualTo(5);
            assertThat(readBack(out, "id, operator ORDER BY id").get(0)).isEqualTo(List.of("c1", "Bouygues"));
            assertThat(folders(out)).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void emptyTablesNullDatesAndTablesAddedLater(Dialect dialect) throws Exception {
        try (TestStore store = StoreFixtures.fresh(dialect, tmp); Database db = store.open()) {
            // an empty partitioned table: an empty folder
            ExportResult call = TableExport.run(db, request("call", tmp.resolve("call"), null, null, false));
            assertThat(call.partitionColumn()).isEqualTo("queued_at");
            assertThat(call.rows()).isZero();
            try (Stream<Path> s = Files.list(tmp.resolve("call"))) {
                assertThat(s).isEmpty();
            }
            // bill is not partitioned: one file, which keeps the columns even with no rows
            ExportResult bill = TableExport.run(db, request("bill", tmp.resolve("bill"), null, null, false));
            assertThat(bill.partitionColumn()).isNull();
            assertThat(bill.files()).isEqualTo(1);
            assertThat(readBack(tmp.resolve("bill"), "count(*), count(DISTINCT period)")).containsExactly(List.of(0L, 0L));

            // a table another feature adds: its first timestamp column; a NULL date goes to Hive's null partition
            sql(db, "CREATE TABLE later_thing (id INTEGER, label VARCHAR, amount DECIMAL(18, 6), happened_at TIMESTAMPTZ, on_day DATE)");
            sql(db, "INSERT INTO later_thing VALUES (1, 'a', 2.500000, TIMESTAMPTZ '2026-07-01T21:59:00Z', DATE '2026-01-02'),"
                    + " (2, 'b', NULL, NULL, NULL), (3, 'c', 1.000000, TIMESTAMPTZ '2026-07-01T22:00:00Z', DATE '2026-01-03')");
            ExportResult later = TableExport.run(db, request("later_thing", tmp.resolve("later"), null, null, false));
            assertThat(later.partitionColumn()).isEqualTo("happened_at");
            assertThat(later.partitions()).containsExactly("dt=2026-07-01", "dt=2026-07-02", "dt=" + TableExport.NULL_PARTITION);
            assertThat(readBack(tmp.resolve("later"), "id, label, amount, happened_at, on_day ORDER BY id"))
                    .isEqualTo(rows(db, "SELECT id, label, amount, happened_at, on_day FROM later_thing ORDER BY id"));
            // --partition-by a DATE column takes its date as stored; none writes the files straight into the folder
            assertThat(TableExport.run(db, request("later_thing", tmp.resolve("by-day"), "on_day", null, false)).partitions())
                    .containsExactly("dt=2026-01-02", "dt=2026-01-03", "dt=" + TableExport.NULL_PARTITION);
            assertThat(TableExport.run(db, request("later_thing", tmp.resolve("flat"), "none", null, false)).rows()).isEqualTo(3);
            assertThat(readBack(tmp.resolve("flat"), "count(*)")).containsExactly(List.of(3L));

            assertThatThrownBy(() -> TableExport.run(db, request("nope", tmp.resolve("x"), null, null, false)))
                    .hasMessageStartingWith("unknown table 'nope'; exportable tables: ").hasMessageContaining("cdr, cdr_error")
                    .hasMessageContaining("later_thing").hasMessageNotContaining("flyway");
            assertThatThrownBy(() -> TableExport.run(db, request("cdr", tmp.resolve("x"), "type", null, false)))
                    .hasMessageContaining("needs a date or timestamp column");
            assertThatThrownBy(() -> TableExport.run(db, request("bill", tmp.resolve("x"), null, LocalDate.parse("2026-03-01"), false)))
                    .hasMessageContaining("need a date column");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void customerPersonalDataLeavesAsTheCiphertextItIsStoredAs(Dialect dialect) throws Exception {
        try (TestStore store = StoreFixtures.fresh(dialect, tmp); Database db = store.open()) {
            new CustomerStore(db, new FieldCipher(new byte[FieldCipher.KEY_BYTES]), Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC))
                    .create(new CustomerDraft("Alice Martin", "123-45-6789", LocalDate.of(1980, 6, 15), Sex.F, "12 Elm Street", "Springfield",
                            "Nimbus", List.of("+12025550143"), List.of()));
            Path out = tmp.resolve("customer");
            ExportResult r = TableExport.run(db, request("customer", out, null, null, false));
            assertThat(r.partitionColumn()).isEqualTo("created_at");
            assertThat(r.partitions()).containsExactly("dt=2026-03-01");
            List<List<Object>> back = readBack(out, "* EXCLUDE (dt)");
            assertThat(back).isEqualTo(rows(db, "SELECT * FROM customer"));
            assertThat(back.toString()).contains("Alice Martin").doesNotContain("123-45-6789", "1980", "Elm Street");
        }
    }

    private static ExportRequest request(String table, Path out, String partitionBy, LocalDate from, boolean overwrite) {
        return new ExportRequest(table, out, partitionBy, from, null, overwrite, PARIS);
    }

    private static List<String> folders(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The export read back by DuckDB: {@code SELECT <tail> FROM read_parquet(…)}. */
    private static List<List<Object>> readBack(Path out, String tail) throws SQLException {
        String from = "read_parquet('" + out + "/**/*.parquet', hive_partitioning = true)";
        int order = tail.indexOf(" ORDER BY ");
        String sql = order < 0 ? "SELECT " + tail + " FROM " + from : "SELECT " + tail.substring(0, order) + " FROM " + from + tail.substring(order);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return collect(rs);
        }
    }

    private static List<List<Object>> rows(Database db, String sql) {
        return db.read("read", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return collect(rs);
            }
        });
    }

    /** Rows as comparable values: instants, decimals without trailing zeros, whole numbers as longs. */
    private static List<List<Object>> collect(ResultSet rs) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                if (v instanceof java.sql.Timestamp t) v = t.toInstant();
                else if (v instanceof OffsetDateTime t) v = t.toInstant();
                else if (v instanceof java.sql.Date d) v = d.toLocalDate();
                else if (v instanceof BigDecimal d) v = d.stripTrailingZeros().toPlainString();
                else if (v instanceof Integer || v instanceof Long || v instanceof Short) v = ((Number) v).longValue();
                row.add(v);
            }
            out.add(row);
        }
        return out;
    }

    private static void sql(Database db, String sql) {
        db.read("sql", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }
}
