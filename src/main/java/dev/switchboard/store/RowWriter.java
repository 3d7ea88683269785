package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Inserts rows idempotently inside the caller's transaction: a row whose primary key exists is
 * skipped. DuckDB goes through its appender into a temporary staging table and one
 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING} (row-by-row JDBC inserts are an order of magnitude
 * slower there); PostgreSQL takes batched inserts.
 */
final class RowWriter {
    private RowWriter() {}

    static void insert(Dialect dialect, Connection c, String table, List<Column> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) return;
        if (dialect == Dialect.DUCKDB) insertDuck(c.unwrap(DuckDBConnection.class), table, columns, rows);
        else insertBatched(c, table, columns, rows);
    }

    private static void insertDuck(DuckDBConnection c, String table, List<Column> columns, List<Object[]> rows) throws SQLException {
        String stage = "stage_" + table;
        String names = names(columns);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " AS SELECT " + names + " FROM " + table + " LIMIT 0");
            try (DuckDBAppender app = c.createAppender("temp", "main", stage)) {
                for (Object[] row : rows) {
                    app.beginRow();
                    for (int i = 0; i < row.length; i++) appendValue(app, columns.get(i), row[i]);
                    app.endRow();
                }
                app.flush();
            }
            s.execute("INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM " + stage + " ON CONFLICT DO NOTHING");
            s.execute("DELETE FROM " + stage);
        }
    }

    private static void appendValue(DuckDBAppender app, Column column, Object value) throws SQLException {
        if (value == null) {
            app.appendNull();
            return;
        }
        switch (column.type()) {
            case TEXT -> app.append((String) value);
            case INT -> app.append(((Integer) value).intValue());
            case BIGINT -> app.append(((Long) value).longValue());
            case TIMESTAMP -> app.append(OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
    }

    private static void insertBatched(Connection c, String table, List<Column> columns, List<Object[]> rows) throws SQLException {
        String marks = columns.stream().map(col -> "?").collect(Collectors.joining(","));
        String sql = "INSERT INTO " + table + " (" + names(columns) + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) bind(ps, i + 1, columns.get(i), row[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        switch (column.type()) {
            // PostgreSQL text cannot hold NUL; raw payloads may carry one.
            case TEXT -> ps.setString(index, value == null ? null : ((String) value).replace('\u0000', '\uFFFD'));
            case INT -> {
                if (value == null) ps.setNull(index, Types.INTEGER);
                else ps.setInt(index, (Integer) value);
            }
            case BIGINT -> {
                if (value == null) ps.setNull(index, Types.BIGINT);
                else ps.setLong(index, (Long) value);
            }
            case TIMESTAMP -> ps.setObject(index, value == null ? null : OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(","));
    }
}
