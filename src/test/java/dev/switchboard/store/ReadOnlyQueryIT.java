package dev.switchboard.store;

import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.error;
import static dev.switchboard.store.StoreFixtures.sms;
import static dev.switchboard.store.StoreFixtures.voice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.Cdr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void answersAnalyticalQueries(Dialect dialect) throws Exception {
        Database db = db(dialect);
        assertThat(ReadOnlyQuery.run(db, "select 1", 10).rows()).containsExactly(List.of(1));
        assertThat(ReadOnlyQuery.run(db, "SELECT c.id, count(e.raw) AS errors FROM cdr c LEFT JOIN cdr_error e ON e.raw = c.id "
                + "GROUP BY c.id ORDER BY c.id", 10).rows()).containsExactly(List.of("c-1", 0L), List.of("c-2", 0L), List.of("c-3", 0L));
        assertThat(ReadOnlyQuery.run(db, "SELECT id, row_number() OVER (PARTITION BY type ORDER BY start_time DESC) AS n, "
                + "CAST(sum(coalesce(duration_sec, 0)) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS running "
                + "FROM cdr ORDER BY id", 10).rows()).containsExactly(List.of("c-1", 2L, 42L), List.of("c-2", 1L, 42L), List.of("c-3", 1L, 42L));
        assertThat(ReadOnlyQuery.run(db, "WITH v AS (SELECT type, count(*) AS n FROM cdr GROUP BY type), "
                + "w AS (SELECT max(n) AS top FROM v) SELECT v.type, v.n FROM v, w WHERE v.n = w.top", 10).rows())
                .containsExactly(List.of("VOICE", 2L));
        assertThat(ReadOnlyQuery.run(db, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
                + "SELECT sum(n) AS total FROM r", 10).rows().get(0).get(0).toString()).isEqualTo("6");
        assertThat(ReadOnlyQuery.run(db, "SELECT count(*) AS n FROM generate_series(1, 5)", 10).rows()).containsExactly(List.of(5L));
        assertThat(ReadOnlyQuery.run(db, "SELECT upper(operator) AS op, date_trunc('hour', start_time) AS h, "
                + "CASE WHEN duration_sec > 10 THEN 'long' ELSE 'short' END AS kind FROM cdr "
                + "WHERE id LIKE 'c-%' AND id IN (SELECT id FROM cdr WHERE type = 'VOICE') AND EXISTS (SELECT 1 FROM cdr_error) "
                + "ORDER BY id", 10).rows()).hasSize(2);
        assertThat(ReadOnlyQuery.run(db, "SELECT table_name FROM information_schema.tables WHERE table_name = 'cdr_error'", 10).rows())
                .containsExactly(List.of("cdr_error"));
    }

    @org.junit.jupiter.api.Test
    void answersDuckDbAnalyticalFunctions() throws Exception {
        Database db = db(Dialect.DUCKDB);
        assertThat(ReadOnlyQuery.run(db, "SELECT unnest([1, 2]) AS n", 10).rows()).containsExactly(List.of(1), List.of(2));
        assertThat(ReadOnlyQuery.run(db, "SELECT x FROM unnest([3, 4]) AS t(x) ORDER BY x", 10).rows()).containsExactly(List.of(3), List.of(4));
        assertThat(ReadOnlyQuery.run(db, "SELECT count(*) FROM range(10)", 10).rows()).containsExactly(List.of(10L));
        assertThat(ReadOnlyQuery.run(db, "FROM cdr SELECT id, quantile_cont(coalesce(duration_sec, 0), 0.5) OVER () AS median "
                + "QUALIFY row_number() OVER (ORDER BY id) = 1", 10).rows()).containsExactly(List.of("c-1", 0.0));
        assertThat(ReadOnlyQuery.run(db, "SELECT strftime(start_time, '%Y') AS y, list(id ORDER BY id) AS ids, {'a': 1}.a AS a, "
                + "regexp_matches(id, 'c-[0-9]') AS m, start_time AT TIME ZONE 'Europe/Paris' AS paris FROM cdr "
                + "WHERE id = 'c-1' GROUP BY ALL", 10).rows()).hasSize(1);
        assertThat(ReadOnlyQuery.run(db, "TABLE cdr_error", 10).rows()).hasSize(1);
        assertThat(ReadOnlyQuery.run(db, "SELECT count(*) FROM main.cdr, cdr_error", 10).rows()).containsExactly(List.of(3L));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void stopsAQueryAtTheTimeLimit(Dialect dialect) throws Exception {
        Database db = db(dialect);
        String endless = dialect == Dialect.DUCKDB
                ? "SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE (a.range * b.range) % 7 = 3"
                : "SELECT count(*) FROM generate_series(1, 1000000) a, generate_series(1, 1000000) b WHERE (a::bigint * b) % 7 = 3";
        long start = System.nanoTime();
        assertThatThrownBy(() -> ReadOnlyQuery.run(db, endless, 10, Duration.ofMillis(700)))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("time limit of 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // The same shape with small inputs answers: what was stopped was the time, not the query.
        String small = endless.replace("1000000", "100");
        assertThat(ReadOnlyQuery.run(db, small, 10, Duration.ofSeconds(30)).rows()).hasSize(1);
    }

    /** Escapes from the query console: reading or writing files, settings, sequences, extensions, other SQL. */
    static Stream<Arguments> escapes() {
        List<Arguments> cases = new ArrayList<>();
        String secret = "@SECRET@";
        String out = "@OUT@";
        for (String[] c : new String[][] {
                {"FROM '" + secret + "'", "is not a table of the history store"},
                {"SELECT * FROM '" + secret + "'", "is not a table of the history store"},
                {"SELECT * FROM \"" + secret + "\"", "is not a table of the history store"},
                {"SELECT * FROM cdr WHERE id IN (SELECT a FROM '" + secret + "')", "is not a table of the history store"},
                {"SELECT (SELECT max(b) FROM '" + secret + "') AS x", "is not a table of the history store"},
                {"WITH a AS (SELECT * FROM '" + secret + "'), \"" + secret + "\" AS (SELECT 1) SELECT * FROM a", "is not a table"},
                {"WITH \"" + secret + "\" AS (SELECT * FROM \"" + secret + "\") SELECT * FROM \"" + secret + "\"", "is not a table"},
                {"WITH RECURSIVE \"" + secret + "\" AS (SELECT * FROM \"" + secret + "\") SELECT 1", "is not a table"},
                {"SELECT * FROM (WITH \"" + secret + "\" AS (SELECT 1) SELECT 1), \"" + secret + "\"", "is not a table"},
                {"SELECT * FROM read_csv('" + secret + "')", "table function read_csv() is not allowed"},
                {"SELECT * FROM read_csv_auto('" + secret + "')", "table function read_csv_auto() is not allowed"},
                {"SELECT * FROM read_text('" + secret + "')", "table function read_text() is not allowed"},
                {"SELECT * FROM read_blob('" + secret + "')", "table function read_blob() is not allowed"},
                {"SELECT * FROM read_parquet('" + secret + "')", "table function read_parquet() is not allowed"},
                {"SELECT * FROM read_json('" + secret + "')", "table function read_json() is not allowed"},
                {"SELECT * FROM glob('/etc/*')", "table function glob() is not allowed"},
                {"SELECT * FROM sniff_csv('" + secret + "')", "table function sniff_csv() is not allowed"},
                {"SELECT * FROM cdr, LATERAL read_text('" + secret + "')", "table function read_text() is not allowed"},
                {"SELECT * FROM (DESCRIBE '" + secret + "')", "SHOW_REF reference is not allowed"},
                {"SELECT * FROM query('SELECT * FROM read_text(''" + secret + "'')')", "table function query() is not allowed"},
                {"SELECT * FROM query_table('cdr')", "table function query_table() is not allowed"},
                {"SELECT * FROM duckdb_settings()", "table function duckdb_settings() is not allowed"},
                {"SELECT * FROM duckdb_secrets()", "table function duckdb_secrets() is not allowed"},
                {"SELECT * FROM system.main.range(3)", "table function range() is not allowed"},
                {"SELECT current_setting('threads')", "current_setting() is not allowed"},
                {"SELECT getvariable('x')", "getvariable() is not allowed"},
                {"SELECT * FROM duckdb_settings", "is not a table of the history store"},
                {"SELECT * FROM pg_catalog.pg_settings", "is not a table of the history store"},
                {"SELECT * FROM information_schema.schemata", "is not a table of the history store"},
                {"SELECT * FROM temp.main.cdr", "is not a table of the history store"},
                {"SELECT nextval('customer_id_seq')", "nextval() is not allowed"},
                {"SELECT main.NEXTVAL('customer_id_seq')", "nextval() is not allowed"},
                {"SELECT setseed(0.5)", "setseed() is not allowed"},
                {"SELECT json_serialize_plan('SELECT * FROM read_text(''" + secret + "'')')", "json_serialize_plan() is not allowed"},
                {"SELECT write_log('x')", "write_log() is not allowed"},
                {"SELECT list_transform([1], x -> nextval('customer_id_seq'))", "nextval() is not allowed"},
                {"SELECT st_point(1, 2)", "unknown function st_point()"},
                {"COPY cdr TO '" + out + "'", "'COPY' is refused"},
                {"COPY (SELECT 1) TO '" + out + "' (FORMAT csv)", "'COPY' is refused"},
                {"EXPORT DATABASE '" + out + "'", "'EXPORT' is refused"},
                {"ATTACH '" + out + "' AS other", "'ATTACH' is refused"},
                {"INSTALL httpfs", "'INSTALL' is refused"},
                {"LOAD httpfs", "'LOAD' is refused"},
                {"SET threads = 1", "'SET' is refused"},
                {"RESET threads", "'RESET' is refused"},
                {"PRAGMA threads = 1", "'PRAGMA' is refused"},
                {"CALL pragma_version()", "'CALL' is refused"},
                {"SELECT 1; SET threads = 1", "only read-only queries"},
        }) cases.add(Arguments.of(Dialect.DUCKDB, c[0], c[1]));
        for (String[] c : new String[][] {
                {"SELECT pg_read_file('" + secret + "')", "pg_read_file() is not allowed"},
                {"SELECT pg_read_binary_file('" + secret + "')", "pg_read_binary_file() is not allowed"},
                {"SELECT * FROM pg_ls_dir('/etc')", "pg_ls_dir() is not allowed"},
                {"SELECT lo_import('" + secret + "')", "lo_import() is not allowed"},
                {"SELECT lo_export(1, '" + out + "')", "lo_export() is not allowed"},
                {"SELECT * FROM dblink('dbname=test', 'SELECT 1') AS t(x int)", "dblink() is not allowed"},
                {"SELECT set_config('role', 'postgres', true)", "set_config() is not allowed"},
                {"SELECT \"set_config\"('statement_timeout', '0', false)", "set_config() is not allowed"},
                {"SELECT pg_catalog.set_config('role', 'postgres', true), query_to_xml('SELECT pg_read_file(''" + secret + "'')', true, false, '')",
                        "set_config() is not allowed"},
                {"SELECT query_to_xml('SELECT 1', true, false, '')", "query_to_xml() is not allowed"},
                {"SELECT nextval('customer_id_seq')", "nextval() is not allowed"},
                {"SELECT setval('customer_id_seq', 1000)", "setval() is not allowed"},
                {"SELECT U&\"\\0073et_config\"('role', 'postgres', true)", "Unicode-escaped"},
                {"COPY cdr TO '" + out + "'", "'COPY' is refused"},
                {"COPY (SELECT 1) TO PROGRAM 'touch " + out + "'", "'COPY' is refused"},
                {"SET ROLE postgres", "'SET' is refused"},
                {"RESET ROLE", "'RESET' is refused"},
                {"DO $$ BEGIN PERFORM pg_read_file('" + secret + "'); END $$", "'DO' is refused"},
                {"SELECT 1; COPY cdr TO '" + out + "'", "exactly one statement"},
                // Past the name check, the role stops what it must: the server's own refusal.
                {"SELECT pg_current_logfile()", "permission denied"},
                {"SELECT current_setting('data_directory')", "pg_read_all_settings"},
                {"SELECT rolname, rolpassword FROM pg_authid", "pg_authid is not readable"},
                {"SELECT * FROM pg_catalog.\"pg_shadow\"", "pg_shadow is not readable"},
                {"SELECT pg_stat_file('" + secret + "')", "pg_stat_file() is not allowed"},
        }) cases.add(Arguments.of(Dialect.POSTGRES, c[0], c[1]));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("escapes")
    void refusesEveryEscapeAndItHasNoEffect(Dialect dialect, String template, String message) throws Exception {
        Database db = db(dialect);
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "a,b\n1,s3cret-in-a-file\n");
        Path out = dir.resolve("escape-" + java.util.UUID.randomUUID() + ".csv");
        String sql = template.replace("@SECRET@", secret.toString()).replace("@OUT@", out.toString());
        long sequence = sequenceState(db);
        String threads = setting(db, "threads");

        assertThatThrownBy(() -> ReadOnlyQuery.run(db, sql, 10)).isInstanceOf(QueryRefusedException.class)
                .hasMessageContaining(message).hasMessageNotContaining("s3cret");

        assertThat(out).doesNotExist();
        assertThat(sequenceState(db)).isEqualTo(sequence);
        assertThat(setting(db, "threads")).isEqualTo(threads);
        assertThat(StoreFixtures.storedCdrs(db)).containsExactlyElementsOf(CDRS);
    }

    @org.junit.jupiter.api.Test
    void runsPostgresQueriesAsTheReadOnlyRole() throws Exception {
        Database db = db(Dialect.POSTGRES);
        assertThat(ReadOnlyQuery.run(db, "SELECT current_user::text AS who", 10).rows()).containsExactly(List.of("pg_read_all_data"));
        assertThat(ReadOnlyQuery.run(db, "SELECT current_setting('transaction_read_only') AS ro", 10).rows()).containsExactly(List.of("on"));
    }

    /** The sequence's state as the engine keeps it: DuckDB's last value, PostgreSQL's last value and whether it was called. */
    private static long sequenceState(Database db) throws SQLException {
        String sql = db.dialect() == Dialect.DUCKDB
                ? "SELECT coalesce(last_value, -1) FROM duckdb_sequences() WHERE sequence_name = 'customer_id_seq'"
                : "SELECT last_value * 2 + (CASE WHEN is_called THEN 1 ELSE 0 END) FROM customer_id_seq";
        return db.queryLong("sequence", sql);
    }

    private static String setting(Database db, String name) throws SQLException {
        String sql = "SELECT current_setting('" + (db.dialect() == Dialect.DUCKDB ? name : "statement_timeout") + "')::VARCHAR";
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Object> nullable(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
