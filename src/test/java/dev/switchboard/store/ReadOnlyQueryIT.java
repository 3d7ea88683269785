package dev.switchboard.store;

import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.error;
import static dev.switchboard.store.StoreFixtures.sms;
import static dev.switchboard.store.StoreFixtures.voice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.Cdr;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The read-only query path: what it answers, how values look, and every kind of write it must refuse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyQueryIT {
    private static final List<Cdr> CDRS = List.of(voice("c-1", T0.plusMillis(123), 42), sms("c-2", T0), voice("c-3", T0.plusSeconds(60), 0));

    @TempDir Path dir;
    private final Map<Dialect, StoreFixtures.TestStore> stores = new EnumMap<>(Dialect.class);
    private final Map<Dialect, Database> databases = new EnumMap<>(Dialect.class);

    /** One seeded store per engine for the whole class; no test here may change it. */
    private Database db(Dialect dialect) throws SQLException {
        Database db = databases.get(dialect);
        if (db != null) return db;
        StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir);
        stores.put(dialect, store);
        db = store.open();
        databases.put(dialect, db);
        StoreFixtures.write(db, StoreFixtures.cdrRows(), 0, CDRS);
        StoreFixtures.write(db, StoreFixtures.errorRows(), 0, List.of(error("bad", T0, "UNREADABLE")));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE cdr SET cost = 0.125, currency = 'EUR' WHERE id = 'c-1'");
        }
        return db;
    }

    @AfterAll
    void closeStores() throws SQLException {
        databases.values().forEach(Database::close);
        for (StoreFixtures.TestStore store : stores.values()) store.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void answersASelectWithColumnNamesAndPlainValues(Dialect dialect) throws Exception {
        QueryResult result = ReadOnlyQuery.run(db(dialect),
                "SELECT id, duration_sec AS seconds, cost, start_time FROM cdr ORDER BY id;", 10);

        assertThat(result.columns()).containsExactly("id", "seconds", "cost", "start_time");
        assertThat(result.truncated()).isFalse();
        assertThat(result.rows()).containsExactly(
                List.of("c-1", 42, "0.125000", "2026-03-01T10:15:30.123Z"),
                nullable("c-2", null, null, "2026-03-01T10:15:30Z"),
                nullable("c-3", 0, null, "2026-03-01T10:16:30Z"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void cutsTheRowsAtTheLimitAndSaysSo(Dialect dialect) throws Exception {
        QueryResult cut = ReadOnlyQuery.run(db(dialect), "SELECT id FROM cdr ORDER BY id", 2);
        assertThat(cut.rows()).containsExactly(List.of("c-1"), List.of("c-2"));
        assertThat(cut.truncated()).isTrue();

        QueryResult whole = ReadOnlyQuery.run(db(dialect), "SELECT id FROM cdr ORDER BY id", 3);
        assertThat(whole.rows()).hasSize(3);
        assertThat(whole.truncated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void showsDecimalsWithoutExponentAndTimesAsIso8601(Dialect dialect) throws Exception {
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try {
            QueryResult result = ReadOnlyQuery.run(db(dialect), "SELECT CAST(0.0000001 AS DECIMAL(18, 9)) AS tiny, "
                    + "CAST(1000000 AS DECIMAL(18, 0)) AS big, TIMESTAMPTZ '2026-03-01 10:15:30.5+00' AS instant, "
                    + "TIMESTAMP '2026-03-01 10:15:30' AS wall_time, DATE '2026-03-01' AS day", 10);
            assertThat(result.rows()).containsExactly(
                    List.of("0.000000100", "1000000", "2026-03-01T10:15:30.500Z", "2026-03-01T10:15:30", "2026-03-01"));
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void answersWithAndValuesQueriesAndIgnoresLeadingComments(Dialect dialect) throws Exception {
        assertThat(ReadOnlyQuery.run(db(dialect), "WITH v AS (SELECT id FROM cdr WHERE id = 'c-2') SELECT id FROM v", 10).rows())
                .containsExactly(List.of("c-2"));
        assertThat(ReadOnlyQuery.run(db(dialect), "/* count */ -- all\nSELECT count(*) AS n FROM cdr_error", 10).rows())
                .containsExactly(List.of(1L));
        assertThat(ReadOnlyQuery.run(db(dialect), "VALUES (1)", 10).rows()).containsExactly(List.of(1));
        assertThat(ReadOnlyQuery.run(db(dialect), "(SELECT 1 AS n) UNION ALL (SELECT 2) ORDER BY n", 10).rows())
                .containsExactly(List.of(1), List.of(2));
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            cases.add(Arguments.of(d, "INSERT INTO cdr (id, calling_number, called_number, start_time, type, result) "
                    + "VALUES ('x', '1', '2', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'SMS', 'ANSWERED')", "'INSERT' is refused"));
            cases.add(Arguments.of(d, "update cdr set operator = 'x'", "'UPDATE' is refused"));
            cases.add(Arguments.of(d, "DELETE FROM cdr", "'DELETE' is refused"));
            cases.add(Arguments.of(d, "CREATE TABLE scratch (x INTEGER)", "'CREATE' is refused"));
            cases.add(Arguments.of(d, "DROP TABLE cdr_error", "'DROP' is refused"));
            cases.add(Arguments.of(d, "ALTER TABLE cdr ADD COLUMN scratch INTEGER", "'ALTER' is refused"));
            cases.add(Arguments.of(d, "ATTACH 'other.duckdb' AS other", "'ATTACH' is refused"));
            cases.add(Arguments.of(d, "COPY cdr TO '/tmp/switchboard-cdr.csv'", "'COPY' is refused"));
            cases.add(Arguments.of(d, "/* x */ delete from cdr", "'DELETE' is refused"));
            cases.add(Arguments.of(d, "   ;; ", "the query is empty"));
            // DuckDB's parser names the write it finds in a second statement or a CTE; PostgreSQL counts statements first.
            boolean pg = d == Dialect.POSTGRES;
            cases.add(Arguments.of(d, "select 1; delete from cdr", pg ? "exactly one statement" : "only read-only queries"));
            cases.add(Arguments.of(d, "select 1; select 2", "exactly one statement"));
            cases.add(Arguments.of(d, "select 1; commit; delete from cdr", pg ? "exactly one statement" : "only read-only queries"));
            cases.add(Arguments.of(d, "with d as (delete from cdr returning *) select * from d",
                    pg ? "read-only transaction" : "A CTE needs a SELECT"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void refusesAnythingButOneQueryAndLeavesTheDataAsItWas(Dialect dialect, String sql, String message) throws Exception {
        Database db = db(dialect);
        assertThatThrownBy(() -> ReadOnlyQuery.run(db, sql, 10)).isInstanceOf(QueryRefusedException.class).hasMessageContaining(message);

        assertThat(StoreFixtures.storedCdrs(db)).containsExactlyElementsOf(CDRS);
        assertThat(StoreFixtures.count(db, "cdr_error")).isEqualTo(1);
        assertThat(ReadOnlyQuery.run(db, "SELECT operator FROM cdr WHERE id = 'c-1'", 10).rows()).containsExactly(List.of("Orange"));
    }

    private static List<Object> nullable(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
