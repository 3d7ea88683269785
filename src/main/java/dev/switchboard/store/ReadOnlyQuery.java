package dev.switchboard.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;

/**
 * Runs one SQL query from the query console ({@code /api/query}, {@code switchboard query}) against
 * the history, with four limits: it only reads, it reads only the store's own tables, it stops after
 * a time limit, and it answers at most a given number of rows.
 *
 * <p>First a plain check of the statement's first word (for a clear message), then per engine:
 * <ul>
 *   <li><b>DuckDB</b>: the file belongs to the main process, which also exports Parquet through the
 *       same database instance, so file access cannot be switched off for the instance
 *       ({@code enable_external_access=false} cannot be turned back on). Instead
 *       {@link DuckDbQueryGuard} checks the statement's parse tree from {@code json_serialize_sql}: one
 *       SELECT; tables only of the store's schema (no file replacement scans, no other databases);
 *       table functions only range, generate_series and unnest (no read_csv, glob, query …); scalar
 *       functions only those already loaded (no extension autoload) and none that changes state or
 *       reads settings. Then the query runs in a {@code BEGIN TRANSACTION READ ONLY} transaction, so a
 *       write the guard missed still fails at the engine, and it is rolled back.</li>
 *   <li><b>PostgreSQL</b>: the driver's splitter must find exactly one statement; the transaction is
 *       read-only with {@code statement_timeout}; and the query runs as the built-in role
 *       {@code pg_read_all_data} ({@code SET LOCAL ROLE}) when the connecting user may take it, so even
 *       a superuser's connection cannot read server files, use large objects or sequences, or run
 *       COPY … PROGRAM. {@link PostgresQueryGuard} refuses the few functions that could undo that
 *       (set_config of the role, functions that run SQL text) and names the others plainly.</li>
 * </ul>
 * The time limit holds on both engines by cancelling the statement from a timer (DuckDB has no
 * statement timeout); the row limit by reading one row more than allowed and saying the answer was cut.
 */
public final class ReadOnlyQuery {
    /** The default time limit, that of the setting {@code query-timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMMENTS = Pattern.compile("(--[^\\n]*)|(/\\*.*?\\*/)", Pattern.DOTALL);
    private static final List<String> QUERY_WORDS = List.of("select", "with", "values", "from", "table");
    private static final String LEAST_PRIVILEGE_ROLE = "pg_read_all_data";
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-timeout");
        t.setDaemon(true);
        return t;
    });

    private ReadOnlyQuery() {}

    public static QueryResult run(Database db, String sql, int maxRows) {
        return run(db, sql, maxRows, DEFAULT_TIMEOUT);
    }

    public static QueryResult run(Database db, String sql, int maxRows, Duration timeout) {
        String text = sql == null ? "" : sql.strip();
        while (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
        if (text.isEmpty()) throw new QueryRefusedException("the query is empty");
        // Leading parentheses, as in "(select …) union (select …)", do not hide the first word.
        String first = COMMENTS.matcher(text).replaceAll(" ").replaceFirst("^[\\s(]+", "").split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
        if (!QUERY_WORDS.contains(first))
            throw new QueryRefusedException("only read-only queries are allowed (SELECT, WITH, VALUES, FROM, TABLE); '"
                    + first.toUpperCase(Locale.ROOT) + "' is refused");
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Connection c = db.connect()) {
            if (db.dialect() == Dialect.DUCKDB) {
                DuckDbQueryGuard.check(c, text);
                try (Statement begin = c.createStatement()) {
                    begin.execute("BEGIN TRANSACTION READ ONLY");
                }
            } else {
                requireSingleStatement(c, text);
                PostgresQueryGuard.check(text);
                c.setAutoCommit(false);
                c.setReadOnly(true);
                leastPrivilege(c, timeout);
            }
            try (Statement s = c.createStatement()) {
                s.setMaxRows(maxRows + 1);
                ScheduledFuture<?> cancel = TIMER.schedule(() -> {
                    timedOut.set(true);
                    try {
                        s.cancel();
                    } catch (SQLException ignored) {
                        // the statement ended meanwhile
                    }
                }, timeout.toMillis(), TimeUnit.MILLISECONDS);
                try (ResultSet rs = s.executeQuery(text)) {
                    return read(rs, maxRows);
                } finally {
                    cancel.cancel(false);
                }
            } finally {
                rollback(c, db.dialect());
            }
        } catch (SQLException e) {
            if (timedOut.get() || "57014".equals(e.getSQLState()))
                throw new QueryRefusedException("the query ran longer than the time limit of " + seconds(timeout)
                        + " and was stopped (setting query-timeout)");
            throw new QueryRefusedException("the query failed: " + e.getMessage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Inside the read-only transaction: the time limit on the server, and the built-in role that may
     * only read tables, when the connecting user may take it (a superuser always may).
     */
    private static void leastPrivilege(Connection c, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            boolean may;
            try (ResultSet rs = s.executeQuery("SELECT CASE WHEN to_regrole('" + LEAST_PRIVILEGE_ROLE + "') IS NULL THEN false "
                    + "ELSE pg_has_role(current_user, '" + LEAST_PRIVILEGE_ROLE + "', 'MEMBER') END")) {
                may = rs.next() && rs.getBoolean(1);
            }
            if (may) s.execute("SET LOCAL ROLE " + LEAST_PRIVILEGE_ROLE);
        }
    }

    private static void rollback(Connection c, Dialect dialect) {
        try {
            if (dialect == Dialect.POSTGRES) {
                c.rollback();
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
            }
        } catch (SQLException ignored) {
            // the connection is closed next, and nothing was written
        }
    }

    /**
     * The PostgreSQL driver splits the text at top-level semicolons and runs every part; a COMMIT
     * among them would end the read-only transaction and let the parts after it write. Counted with
     * the driver's own splitter, so the check sees the statements exactly as they would be sent.
     */
    private static void requireSingleStatement(Connection c, String text) throws SQLException {
        boolean standardStrings = c.unwrap(BaseConnection.class).getStandardConformingStrings();
        if (Parser.parseJdbcSql(text, standardStrings, false, true, false, false).size() != 1)
            throw new QueryRefusedException("exactly one statement is allowed");
    }

    private static QueryResult read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        boolean[] wallTime = new boolean[md.getColumnCount() + 1];
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
            wallTime[i] = md.getColumnType(i) == Types.TIMESTAMP && !md.getColumnTypeName(i).equalsIgnoreCase("timestamptz");
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) row.add(wallTime[i] ? wallTime(rs, i) : plain(rs.getObject(i)));
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }

    /**
     * A timestamp without time zone (e.g. {@code start_time AT TIME ZONE 'Europe/Paris'}) is a wall
     * time: the drivers hand it over as a java.sql.Timestamp in the JVM's zone, so it is read as a
     * LocalDateTime and shown without an offset rather than shifted by that zone and labelled UTC.
     */
    private static Object wallTime(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toString();
    }

    /** Values as JSON and CSV can show them: numbers, booleans and text; times as ISO-8601. */
    private static Object plain(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v instanceof BigDecimal bd ? bd.toPlainString() : v;
        }
        if (v instanceof java.sql.Timestamp ts) return ts.toInstant().toString();
        if (v instanceof OffsetDateTime odt) return odt.toInstant().toString();
        if (v instanceof TemporalAccessor t) return t.toString();
        return v.toString();
    }
}
