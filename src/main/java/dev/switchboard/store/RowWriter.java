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
        write(dialect, c, table, columns, rows, List.of(), List.of(), null, null);
    }

    /** Writes a mapping's rows: skipped when the key exists, or with its {@code overwrite()} columns updated. */
    static void write(Dialect dialect, Connection c, TableMapping<?> m, List<Object[]> rows) throws SQLException {
        write(dialect, c, m.table(), m.columns(), rows, m.key(), m.overwrite(), m.overwriteWhen(), m.newest());
    }

    private static void write(Dialect dialect, Connection c, String table, List<Column> columns, List<Object[]> rows,
                              List<String> key, List<String> overwrite, String when, java.util.Comparator<Object[]> newest) throws SQLException {
        if (rows.isEmpty()) return;
        String onConflict = " ON CONFLICT DO NOTHING";
        if (!overwrite.isEmpty()) {
            // One statement may not update a row twice: the last record of a key in the batch wins.
            rows = lastPerKey(columns, rows, key, newest);
            onConflict = " ON CONFLICT (" + String.join(",", key) + ") DO UPDATE SET "
                    + overwrite.stream().map(col -> col + " = EXCLUDED." + col).collect(Collectors.joining(", "))
                    + (when == null ? "" : " WHERE " + when);
        }
        if (dialect == Dialect.DUCKDB) insertDuck(c.unwrap(DuckDBConnection.class), table, columns, rows, onConflict);
        else insertBatched(c, table, columns, rows, onConflict);
    }

    /** One row per key: the last, or the greatest by {@code newest} when given (ties: the last). */
    private static List<Object[]> lastPerKey(List<Column> columns, List<Object[]> rows, List<String> key, java.util.Comparator<Object[]> newest) {
        int[] at = key.stream().mapToInt(k -> {
            for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(k)) return i;
            throw new IllegalArgumentException("key column " + k + " is not written");
        }).toArray();
        java.util.Map<List<Object>, Object[]> last = new java.util.LinkedHashMap<>();
        for (Object[] row : rows) {
            List<Object> k = new java.util.ArrayList<>(at.length);
            for (int i : at) k.add(row[i]);
            Object[] before = last.remove(k);
            last.put(k, newest != null && before != null && newest.compare(before, row) > 0 ? before : row);
        }
        return new java.util.ArrayList<>(last.values());
    }

    private static void insertDuck(DuckDBConnection c, String table, List<Column> columns, List<Object[]> rows, String onConflict) throws SQLException {
        String names = names(columns);
        String stage = stage(c, table, columns, rows);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM " + stage + onConflict);
            s.execute("DELETE FROM " + stage);
        }
    }

    /** Appends the rows to a temporary staging table of the columns' shape; its name. */
    private static String stage(DuckDBConnection c, String table, List<Column> columns, List<Object[]> rows) throws SQLException {
        String names = names(columns);
        // One staging table per column set: two mappings may write different columns of one table.
        String stage = "stage_" + table + "_" + Integer.toHexString(names.hashCode());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " AS SELECT " + names + " FROM " + table + " LIMIT 0");
        }
        try (DuckDBAppender app = c.createAppender("temp", "main", stage)) {
            for (Object[] row : rows) {
                app.beginRow();
                for (int i = 0; i < row.length; i++) appendValue(app, columns.get(i), row[i]);
                app.endRow();
            }
            app.flush();
        }
        return stage;
    }

    /**
     * Overwrites the non-key {@code columns} of the stored rows whose {@code key} column matches, inside the
     * caller's transaction; rows whose key is not stored are ignored. DuckDB stages the rows with its appender
     * and updates by one join (an upsert per row costs several times more there); PostgreSQL takes batched
     * {@code UPDATE … WHERE key = ?}.
     */
    static void update(Dialect dialect, Connection c, String table, List<Column> columns, String key, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) return;
        List<Column> set = columns.stream().filter(col -> !col.name().equals(key)).toList();
        if (dialect == Dialect.DUCKDB) {
            String stage = stage(c.unwrap(DuckDBConnection.class), table, columns, rows);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE " + table + " SET " + set.stream().map(col -> col.name() + " = s." + col.name()).collect(Collectors.joining(", "))
                        + " FROM " + stage + " s WHERE " + table + "." + key + " = s." + key);
                s.execute("DELETE FROM " + stage);
            }
            return;
        }
        int keyAt = -1;
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(key)) keyAt = i;
        if (keyAt < 0) throw new IllegalArgumentException("key column " + key + " is not written");
        String sql = "UPDATE " + table + " SET " + set.stream().map(col -> col.name() + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + key + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                int at = 1;
                for (int i = 0; i < row.length; i++) if (i != keyAt) bind(ps, at++, columns.get(i), row[i]);
                bind(ps, at, columns.get(keyAt), row[keyAt]);
                ps.addBatch();
            }
            ps.executeBatch();
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
            // The appender wants the column's exact scale; PostgreSQL rounds to it by itself.
            case DECIMAL -> app.append(((java.math.BigDecimal) value).setScale(Column.DECIMAL_SCALE, java.math.RoundingMode.HALF_EVEN));
        }
    }

    private static void insertBatched(Connection c, String table, List<Column> columns, List<Object[]> rows, String onConflict) throws SQLException {
        String marks = columns.stream().map(col -> "?").collect(Collectors.joining(","));
        String sql = "INSERT INTO " + table + " (" + names(columns) + ") VALUES (" + marks + ")" + onConflict;
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
            case DECIMAL -> {
                if (value == null) ps.setNull(index, Types.DECIMAL);
                else ps.setBigDecimal(index, (java.math.BigDecimal) value);
            }
        }
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(","));
    }
}
