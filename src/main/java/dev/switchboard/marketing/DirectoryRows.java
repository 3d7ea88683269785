package dev.switchboard.marketing;

import dev.switchboard.store.Dialect;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;

/**
 * The rows of table {@code business_directory}, written in bulk like the tariffs' rates: DuckDB through
 * its appender, PostgreSQL through {@code COPY}, so 100,000 entries take seconds, not minutes.
 */
final class DirectoryRows {
    static final String TABLE = "business_directory";
    static final String COLUMNS = "prefix, business_type, tag, name";

    private DirectoryRows() {}

    static void insert(Dialect dialect, Connection c, Collection<DirectoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) return;
        if (dialect == Dialect.DUCKDB) append(c.unwrap(DuckDBConnection.class), entries);
        else copy(c, entries);
    }

    private static void append(DuckDBConnection c, Collection<DirectoryEntry> entries) throws SQLException {
        try (DuckDBAppender app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
            for (DirectoryEntry e : entries) {
                app.beginRow();
                app.append(e.prefix()).append(e.type().name()).append(e.tag().name());
                if (e.name() == null) app.appendNull();
                else app.append(e.name());
                app.endRow();
            }
            app.flush();
        }
    }

    private static void copy(Connection c, Collection<DirectoryEntry> entries) throws SQLException {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.POSTGRESQL_CSV)) {
            for (DirectoryEntry e : entries) csv.printRecord(e.prefix(), e.type().name(), e.tag().name(), e.name());
            csv.flush();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + TABLE + " failed: " + e.getMessage(), e);
        }
    }
}
