package dev.switchboard.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;

/**
 * Runs one SQL query against the history and refuses anything that is not a query. Two guards: a
 * plain check of the statement's first word (for a clear message), then the engine itself — on
 * DuckDB its own parser must accept the text as exactly one SELECT, on PostgreSQL the driver's
 * splitter must find exactly one statement and the transaction is read-only, so a write hidden in a
 * function or a CTE fails there too.
 */
public final class ReadOnlyQuery {
    private static final Pattern COMMENTS = Pattern.compile("(--[^\\n]*)|(/\\*.*?\\*/)", Pattern.DOTALL);
    private static final List<String> QUERY_WORDS = List.of("select", "with", "values", "from", "table");

    private ReadOnlyQuery() {}

    public static QueryResult run(Database db, String sql, int maxRows) {
        String text = sql == null ? "" : sql.strip();
        while (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
        if (text.isEmpty()) throw new QueryRefusedException("the query is empty");
        // Leading parentheses, as in "(select …) union (select …)", do not hide the first word.
        String first = COMMENTS.matcher(text).replaceAll(" ").replaceFirst("^[\\s(]+", "").split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
        if (!QUERY_WORDS.contains(first))
            throw new QueryRefusedException("only read-only queries are allowed (SELECT, WITH, VALUES, FROM, TABLE); '"
                    + first.toUpperCase(Locale.ROOT) + "' is refused");
        try (Connection c = db.connect()) {
            if (db.dialect() == Dialect.DUCKDB) requireSingleSelect(c, text);
            else {
                requireSingleStatement(c, text);
                c.setReadOnly(true);
                c.setAutoCommit(false);
            }
            try (Statement s = c.createStatement()) {
                s.setMaxRows(maxRows + 1);
                if (db.dialect() == Dialect.POSTGRES) s.execute("SET LOCAL statement_timeout = '60s'");
                try (ResultSet rs = s.executeQuery(text)) {
                    return read(rs, maxRows);
                }
            } finally {
                if (db.dialect() == Dialect.POSTGRES) c.rollback();
            }
        } catch (SQLException e) {
            throw new QueryRefusedException("the query failed: " + e.getMessage());
        }
    }

    private static void requireSingleSelect(Connection c, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json_extract_string(j, '$.error_message'), json_array_length(json_extract(j, '$.statements')) "
                        + "FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String error = rs.getString(1);
                if (error != null) {
                    String why = error.startsWith("Only SELECT") ? "only read-only queries (SELECT) are allowed" : error;
                    throw new QueryRefusedException(why);
                }
                if (rs.getLong(2) != 1) throw new QueryRefusedException("exactly one statement is allowed");
            }
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
