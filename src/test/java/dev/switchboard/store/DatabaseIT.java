package dev.switchboard.store;

import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.voice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.Cdr;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening the history store: the migrations, re-opening, and read-only access. */
class DatabaseIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrationsCreateTheCdrTablesWithTheDesignColumns(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            assertThat(db.dialect()).isEqualTo(dialect);
            assertThat(columns(db, "cdr")).containsSubsequence("id", "calling_number", "called_number", "start_time", "duration_sec",
                    "type", "result", "operator").contains("cost", "currency", "rate_id", "plan_version");
            assertThat(columns(db, "cdr_error")).contains("source", "received_at", "reasons", "raw");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUpdateOverwritesTheGivenColumnsOfStoredKeysOnlyAndIgnoresUnknownKeys(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(voice("c-1", T0, 42), voice("c-2", T0, 7)));
            List<Column> columns = List.of(Column.text("id"), Column.text("operator"), Column.decimal("cost"));
            db.update("cdr", "id", columns, List.of(new Object[] {"c-2", "Free", new java.math.BigDecimal("1.250000")},
                    new Object[] {"c-9", "Nobody", java.math.BigDecimal.ONE}));
            List<String> rows = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, operator, cost, duration_sec FROM cdr ORDER BY id")) {
                while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3) + " " + rs.getInt(4));
            }
            assertThat(rows).containsExactly("c-1 Orange null 42", "c-2 Free 1.250000 7");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reopeningKeepsTheDataAndDoesNotRunTheMigrationsAgain(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir)) {
            try (Database db = store.open()) {
                StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(voice("c-1", T0, 42)));
            }
            try (Database db = store.open()) {
                assertThat(StoreFixtures.storedCdrs(db)).containsExactly(voice("c-1", T0, 42));
                try (Connection c = db.connect(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
                    List<String> applied = new ArrayList<>();
                    while (rs.next()) applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
                    assertThat(applied).contains("1:true").allMatch(v -> v.endsWith(":true")); // later migrations belong to other features
                }
            }
        }
    }

    @Test
    void aReadOnlyDuckDbRefusesWritesAtTheEngineButAnswersQueries() throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir)) {
            try (Database db = store.open()) {
                StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(voice("c-1", T0, 42)));
            }
            try (Database db = store.openReadOnly()) {
                assertThatThrownBy(() -> execute(db, "DELETE FROM cdr")).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
                assertThatThrownBy(() -> execute(db, "CREATE TABLE scratch (x INTEGER)")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only");
                assertThatThrownBy(() -> StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, List.of(voice("c-2", T0, 1))))
                        .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
                assertThat(StoreFixtures.storedCdrs(db)).containsExactly(voice("c-1", T0, 42));
            }
        }
    }

    /**
     * DuckDB 1.4 keeps the keys of a commit that failed (a full disk) in the table's primary-key index, so
     * without more every later write of them is refused as a duplicate. The store opens the file again after
     * such a failure: connections of the dropped instance fail at once (a query running on one is
     * interrupted), new ones work, the failed keys are written once space is back, and the file, opened
     * afresh, takes keys whose only write failed (the failed commit left nothing in the index on disk).
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aDuckDbCommitFailingOnAFullDiskOpensTheFileAgainAndTheSameKeysAreWrittenOnceSpaceIsBack() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small-disk"))) {
            String url = disk.duckDbUrl("history.duckdb");
            TableMapping<Cdr> cdr = StoreFixtures.cdrRows();
            try (Database db = Database.open(url, "", "").limitMemory("100MB")) {
                db.write(cdr, cdrs("a", 50));
                String limit = memoryLimit(db);
                Connection idle = db.connect();
                java.util.concurrent.CompletableFuture<String> running = new java.util.concurrent.CompletableFuture<>();
                Thread reader = new Thread(() -> {
                    try (Connection c = db.connect(); Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT count(*) FROM range(100000000000) r, range(10) q WHERE r.range % 7 = q.range")) {
                        rs.next();
                        running.complete("finished");
                    } catch (SQLException e) {
                        running.complete(e.getMessage());
                    }
                });
                reader.start();
                Thread.sleep(300);

                disk.fill();
                assertThatThrownBy(() -> db.write(cdr, cdrs("b", 50))).isInstanceOf(StoreException.class)
                        .hasMessageContaining("No space left on device");
                assertThat(running.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the query running on the dropped instance").contains("Interrupted");
                assertThatThrownBy(() -> idle.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class).hasMessageContaining("closed");
                idle.close();
                // Opening the file again may have freed a few blocks, and the WAL's last page has room for a few rows.
                disk.fill();
                assertThatThrownBy(() -> db.write(cdr, cdrs("d", 100))).as("only ever written on a full disk").isInstanceOf(StoreException.class)
                        .hasMessageContaining("No space left on device");
                assertThat(StoreFixtures.count(db, "cdr")).isEqualTo(50);

                disk.free();
                db.write(cdr, cdrs("b", 50));
                db.write(cdr, cdrs("c", 20));
                assertThat(ids(db)).hasSize(120).containsAll(ids("a", 50)).containsAll(ids("b", 50)).containsAll(ids("c", 20));
                assertThat(memoryLimit(db)).as("the memory limit of the instance opened again").isEqualTo(limit);
            }
            try (Database db = Database.open(url, "", "")) {
                db.write(cdr, cdrs("d", 100));
                assertThat(ids(db)).hasSize(220).containsAll(ids("d", 100));
            }
        }
    }

    @Test
    void aDuckDbMemoryLimitHoldsForEveryConnection() throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir); Database db = store.open()) {
            String unlimited = memoryLimit(db);
            db.limitMemory("100MB");
            assertThat(memoryLimit(db)).isNotEqualTo(unlimited).isEqualTo("95.3 MiB");
            assertThatThrownBy(() -> db.limitMemory("lots")).isInstanceOf(StoreException.class);
        }
    }

    private static String memoryLimit(Database db) {
        return db.read("memory limit", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('memory_limit')")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static List<Cdr> cdrs(String prefix, int n) {
        List<Cdr> out = new ArrayList<>();
        for (String id : ids(prefix, n)) out.add(voice(id, T0, 42));
        return out;
    }

    private static List<String> ids(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(prefix + "-" + i);
        return out;
    }

    private static List<String> ids(Database db) {
        return db.read("ids", c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM cdr ORDER BY id")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> columns(Database db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) names.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            return names;
        }
    }
}
