package dev.switchboard.export;

import dev.switchboard.export.Catalog.Col;
import dev.switchboard.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The PostgreSQL side of an export (no DuckDB postgres extension offline): the table's rows are read through a JDBC
 * cursor, ordered by the date column so that a chunk spans few dates, appended to an in-memory DuckDB table of the
 * same columns, and every {@link TableExport#CHUNK_ROWS} rows (by default) that table is copied out and emptied.
 */
final class PostgresChunks {
    private PostgresChunks() {}

    /** How a PostgreSQL column travels: its DuckDB type and how a value is read and appended. */
    private enum Carry {
        TEXT, INT, BIGINT, DECIMAL, INSTANT, LOCAL_TIME, DATE, BOOL, DOUBLE;

        static Carry of(Col c) {
            return switch (c.type()) {
                case "INTEGER", "SMALLINT" -> INT;
                case "BIGINT" -> BIGINT;
                case "NUMERIC" -> c.precision() != null && c.scale() != null && c.precision() <= 38 ? DECIMAL : TEXT;
                case "TIMESTAMP WITH TIME ZONE" -> INSTANT;
                case "TIMESTAMP WITHOUT TIME ZONE" -> LOCAL_TIME;
                case "DATE" -> DATE;
                case "BOOLEAN" -> BOOL;
                case "DOUBLE PRECISION", "REAL" -> DOUBLE;
                default -> TEXT;
            };
        }

        String duckType(Col c) {
            return switch (this) {
                case TEXT -> "VARCHAR";
                case INT -> "INTEGER";
                case BIGINT -> "BIGINT";
                case DECIMAL -> "DECIMAL(" + c.precision() + ", " + c.scale() + ")";
                case INSTANT -> "TIMESTAMPTZ";
                case LOCAL_TIME -> "TIMESTAMP";
                case DATE -> "DATE";
                case BOOL -> "BOOLEAN";
                case DOUBLE -> "DOUBLE";
            };
        }

        void append(DuckDBAppender app, ResultSet rs, int i, Col c) throws SQLException {
            Object v = switch (this) {
                case TEXT -> rs.getString(i);
                case INSTANT -> rs.getObject(i, OffsetDateTime.class);
                case LOCAL_TIME -> rs.getObject(i, LocalDateTime.class);
                case DATE -> rs.getObject(i, LocalDate.class);
                default -> rs.getObject(i);
            };
            if (v == null) {
                app.appendNull();
                return;
            }
            switch (this) {
                case TEXT -> app.append((String) v);
                case INT -> app.append(((Number) v).intValue());
                case BIGINT -> app.append(((Number) v).longValue());
                case DECIMAL -> app.append(((BigDecimal) v).setScale(c.scale(), RoundingMode.UNNECESSARY));
                case INSTANT -> app.append(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC));
                case LOCAL_TIME -> app.append((LocalDateTime) v);
                case DATE -> app.append((LocalDate) v);
                case BOOL -> app.append(((Boolean) v).booleanValue());
                case DOUBLE -> app.append(((Number) v).doubleValue());
            }
        }
    }

    static void export(Database db, String table, List<Col> cols, String where, Col date, TableExport.Copy copy, int chunkRows) {
        List<Carry> carry = cols.stream().map(Carry::of).toList();
        String names = cols.stream().map(c -> TableExport.quote(c.name())).collect(Collectors.joining(", "));
        String sql = "SELECT " + names + " FROM " + TableExport.quote(table) + where + (date == null ? "" : " ORDER BY " + TableExport.quote(date.name()));
        db.read("cannot export " + table, pg -> {
            try (DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
                try (Statement s = duck.createStatement()) {
                    StringBuilder ddl = new StringBuilder("CREATE TABLE chunk (");
                    for (int i = 0; i < cols.size(); i++) {
                        if (i > 0) ddl.append(", ");
                        ddl.append(TableExport.quote(cols.get(i).name())).append(' ').append(carry.get(i).duckType(cols.get(i)));
                    }
                    s.execute(ddl.append(')').toString());
                }
                stream(pg, duck, sql, cols, carry, copy, date == null, chunkRows);
            }
            return null;
        });
    }

    private static void stream(Connection pg, DuckDBConnection duck, String sql, List<Col> cols, List<Carry> carry, TableExport.Copy copy,
                               boolean unpartitioned, int chunkRows) throws SQLException {
        pg.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        try (PreparedStatement ps = pg.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                int chunk = 0;
                boolean more = rs.next();
                // An unpartitioned export of no rows still writes one file, which carries the columns.
                while (more || (chunk == 0 && unpartitioned)) {
                    int n = 0;
                    try (DuckDBAppender app = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "chunk")) {
                        while (more && n < chunkRows) {
                            app.beginRow();
                            for (int i = 0; i < cols.size(); i++) carry.get(i).append(app, rs, i + 1, cols.get(i));
                            app.endRow();
                            n++;
                            more = rs.next();
                        }
                        app.flush();
                    }
                    copy.chunk(duck, "chunk", chunk++);
                    try (Statement s = duck.createStatement()) {
                        s.execute("DELETE FROM chunk");
                    }
                }
            }
        } finally {
            pg.rollback();
        }
    }
}
