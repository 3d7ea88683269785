package dev.switchboard.export;

import dev.switchboard.export.Catalog.Col;
import dev.switchboard.export.Catalog.Kind;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exports a table of the history store to Parquet, partitioned Hive-style by the local date of one of its date
 * columns ({@code DIR/dt=YYYY-MM-DD/data_N.parquet}), the layout Athena, Trino, Spark and DuckDB read.
 *
 * <p>The date column: {@code --partition-by COL} when given ({@code none}: no partitioning, the files straight in
 * DIR); else the column {@link #DATE_COLUMNS} names for the table; else the table's first column of a date or
 * timestamp type in catalog order; else none. {@code dt} of a {@code TIMESTAMPTZ} is its local date in the
 * platform zone ({@code --zone}); of a {@code DATE} or {@code TIMESTAMP}, its date as stored. A row whose date is
 * NULL goes to {@code dt=__HIVE_DEFAULT_PARTITION__} (Hive's, Spark's and Trino's name for the null partition).
 * The {@code dt} value lives in the folder name only, not in the files.
 *
 * <p>DuckDB store: one {@code COPY (SELECT *, … AS dt FROM t) TO DIR (FORMAT parquet, PARTITION_BY (dt))}.
 * PostgreSQL store: the rows stream through JDBC (a cursor, ordered by the date column) into an in-memory DuckDB
 * table, {@value #CHUNK_ROWS} rows at a time, and each chunk is copied out the same way, so memory stays bounded.
 * Columns are exported as stored: the personal data of {@code customer} is ciphertext there, and stays so.
 */
public final class TableExport {
    /** The date column of the tables whose first date column is not the one to partition by; {@code none}: not partitioned. */
    static final Map<String, String> DATE_COLUMNS = Map.of(
            "cdr", "start_time",
            "cdr_error", "received_at",
            "call", "queued_at",
            "call_error", "received_at",
            "contact_record", "initiation_timestamp",
            "raw_session_data", "call_start_time",
            "bill", ExportRequest.NONE);

    static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    static final int CHUNK_ROWS = 100_000;

    private TableExport() {}

    /** The tables of the store, sorted. */
    public static Set<String> tables(Database db) {
        return Catalog.read(db).tables().keySet();
    }

    public static ExportResult run(Database db, ExportRequest r) {
        return run(db, r, CHUNK_ROWS);
    }

    /** {@code chunkRows}: the rows a PostgreSQL export copies out at a time. */
    static ExportResult run(Database db, ExportRequest r, int chunkRows) {
        List<Col> cols = Catalog.read(db).columns(r.table());
        Col date = dateColumn(r, cols);
        if (r.hasRange() && date == null)
            throw new ExportException("--from/--until need a date column, and " + r.table() + " is exported unpartitioned; name one with --partition-by");
        if (r.from() != null && r.until() != null && r.until().isBefore(r.from()))
            throw new ExportException("--until " + r.until() + " is before --from " + r.from());
        if (date != null && cols.stream().anyMatch(c -> c.name().equals("dt")))
            throw new ExportException(r.table() + " has a column named dt already; export it with --partition-by none");
        Path dir = r.dir().toAbsolutePath().normalize();
        ExportTarget.prepare(dir, date != null, r);
        String where = where(date, r);
        Copy copy = new Copy(dir, date, r.zone());
        if (db.dialect() == Dialect.DUCKDB) {
            db.read("cannot export " + r.table(), c -> copy.chunk(c, quote(r.table()) + where, 0));
        } else {
            PostgresChunks.export(db, r.table(), cols, where, date, copy, chunkRows);
        }
        return new ExportResult(r.table(), dir, date == null ? null : date.name(), copy.rows, List.copyOf(copy.partitions), copy.files);
    }

    private static Col dateColumn(ExportRequest r, List<Col> cols) {
        if (r.partitionBy() != null) {
            if (r.partitionBy().equals(ExportRequest.NONE)) return null;
            Col c = cols.stream().filter(x -> x.name().equals(r.partitionBy())).findFirst().orElseThrow(() -> new ExportException(
                    r.table() + " has no column '" + r.partitionBy() + "'; its columns: " + String.join(", ", cols.stream().map(Col::name).toList())));
            if (c.kind() == Kind.OTHER)
                throw new ExportException("--partition-by needs a date or timestamp column, and " + r.table() + "." + c.name() + " is " + c.type());
            return c;
        }
        String named = DATE_COLUMNS.get(r.table());
        if (ExportRequest.NONE.equals(named)) return null;
        if (named != null) {
            for (Col c : cols) if (c.name().equals(named) && c.kind() != Kind.OTHER) return c;
        }
        return cols.stream().filter(c -> c.kind() != Kind.OTHER).findFirst().orElse(null);
    }

    /** The range as SQL on the store (DuckDB and PostgreSQL alike): local dates from 00:00 of --from to 00:00 after --until. */
    private static String where(Col date, ExportRequest r) {
        if (date == null || !r.hasRange()) return "";
        List<String> terms = new ArrayList<>();
        if (r.from() != null) terms.add(quote(date.name()) + " >= " + startOf(r.from(), date, r.zone()));
        if (r.until() != null) terms.add(quote(date.name()) + " < " + startOf(r.until().plusDays(1), date, r.zone()));
        return " WHERE " + String.join(" AND ", terms);
    }

    private static String startOf(LocalDate day, Col date, ZoneId zone) {
        if (date.kind() == Kind.INSTANT) return "TIMESTAMPTZ '" + day.atStartOfDay(zone).toInstant() + "'";
        return "TIMESTAMP '" + day + " 00:00:00'";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Copies relations out of a DuckDB connection into the folder, and adds up what was written. */
    static final class Copy {
        private final Path dir;
        private final Col date;
        private final ZoneId zone;
        long rows;
        long files;
        final Set<String> partitions = new TreeSet<>();

        Copy(Path dir, Col date, ZoneId zone) {
            this.dir = dir;
            this.date = date;
            this.zone = zone;
        }

        /** Copies {@code from} (a relation and its WHERE clause); {@code chunk} numbers the files so chunks never collide. */
        Void chunk(Connection duck, String from, int chunk) throws SQLException {
            String select = "SELECT *" + (date == null ? "" : ", " + localDate() + " AS dt") + " FROM " + from;
            String to = date == null ? dir.resolve("data_" + chunk + ".parquet").toString() : dir.toString();
            String options = date == null ? "FORMAT parquet, RETURN_FILES true"
                    : "FORMAT parquet, PARTITION_BY (dt), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'data_" + chunk + "_{i}', RETURN_FILES true";
            try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("COPY (" + select + ") TO '" + to.replace("'", "''") + "' (" + options + ")")) {
                while (rs.next()) {
                    rows += rs.getLong(1);
                    Array written = rs.getArray(2);
                    if (written == null) continue;
                    for (Object f : (Object[]) written.getArray()) {
                        files++;
                        Path parent = Path.of(f.toString()).getParent();
                        String name = parent == null ? "" : parent.getFileName().toString();
                        if (name.startsWith(ExportTarget.PREFIX)) partitions.add(name);
                    }
                }
            }
            return null;
        }

        /** {@code dt}: the column's local date as YYYY-MM-DD, or the null partition's name. */
        private String localDate() {
            String c = quote(date.name());
            String local;
            if (date.kind() != Kind.INSTANT) local = c;
            else if (zone.normalized() instanceof ZoneOffset offset)
                local = "timezone('UTC', " + c + ") + INTERVAL (" + offset.getTotalSeconds() + ") SECOND";
            else local = "timezone('" + zone.getId() + "', " + c + ")";
            return "coalesce(strftime(" + local + ", '%Y-%m-%d'), '" + NULL_PARTITION + "')";
        }
    }
}
