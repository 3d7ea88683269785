package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.export.ExportException;
import dev.switchboard.export.ExportRequest;
import dev.switchboard.export.ExportResult;
import dev.switchboard.export.ExportRoutes;
import dev.switchboard.export.TableExport;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import dev.switchboard.platform.SettingsSpec;
import dev.switchboard.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a table of the history store to Parquet, partitioned Hive-style by date",
                "(DIR/dt=YYYY-MM-DD/...), the layout Athena, Trino, Spark and DuckDB read.",
                "See docs/EXPORT.md.",
                "dt is the local date, in the platform zone (--zone), of the table's date column:",
                "cdr.start_time, cdr_error.received_at, call.queued_at, call_error.received_at;",
                "another table takes its first date or timestamp column, or none. bill is not",
                "partitioned. Rows with a NULL date go to dt=__HIVE_DEFAULT_PARTITION__.",
                "Columns are written as stored: customer's personal data stays ciphertext.",
                "A non-empty DIR is refused unless --overwrite, which replaces only the",
                "partitions this export covers. Reads the store of the data folder (or --db);",
                "while a demo or serve process holds the folder, that process exports (POST",
                "/api/export) with the admin token in SWITCHBOARD_TOKEN; else stop it first."})
final class ExportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "TABLE", description = "the table, e.g. cdr, call, cdr_error, bill (an unknown name lists them)")
    String table;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the folder to write, created if missing")
    Path to;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT", description = "parquet (the only one); default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--partition-by", paramLabel = "COLUMN", description = "the date or timestamp column for dt=, or none for no partitions")
    String partitionBy;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "only rows of this local date and later")
    LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "only rows of this local date and earlier (inclusive)")
    LocalDate until;

    @Option(names = "--overwrite", description = "write into a non-empty DIR, replacing the dt= folders of the range (all of them without one)")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("parquet")) throw new UserError("unknown --format '" + format + "' (use parquet)");
        Settings settings = common.settings(Map.of());
        if (settings.db().isBlank() && Dialect.of(settings.jdbcUrl()) == Dialect.DUCKDB) {
            Path file = Path.of(settings.jdbcUrl().substring("jdbc:duckdb:".length()));
            if (!Files.exists(file)) throw new UserError("no history yet at " + file + " (ingest something first, or give --data)");
        }
        ExportRequest request = new ExportRequest(table, to, partitionBy, from, until, overwrite, settings.zone());
        long t0 = System.nanoTime();
        ExportResult r = LocalOrRemote.run(settings, null, db -> {
            try {
                return TableExport.run(db, request);
            } catch (ExportException e) {
                throw new UserError(e.getMessage());
            }
        }, url -> remote(url, settings, request));
        System.out.printf("exported %d rows of %s to %s: %s, %d files (%d ms)%n", r.rows(), r.table(), r.dir(),
                r.partitionColumn() == null ? "not partitioned"
                        : r.partitions().size() + " dt= partitions by " + r.partitionColumn() + " in " + settings.zone(),
                r.files(), (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }

    /** The export done by the process that holds the data folder, into DIR on this machine (it is the same one). */
    private ExportResult remote(String url, Settings settings, ExportRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("table", r.table());
        body.put("dir", r.dir().toAbsolutePath().normalize().toString());
        body.put("format", format);
        body.put("partition_by", r.partitionBy());
        body.put("from", r.from() == null ? null : r.from().toString());
        body.put("until", r.until() == null ? null : r.until().toString());
        body.put("overwrite", r.overwrite());
        body.put("zone", r.zone().getId());
        JsonNode a;
        try {
            a = new ServerClient(url).post(ExportRoutes.PATH, "application/json", Json.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<String> partitions = new ArrayList<>();
        a.path("partitions").forEach(p -> partitions.add(p.asText()));
        return new ExportResult(a.path("table").asText(), Path.of(a.path("dir").asText()),
                a.path("partition_column").isTextual() ? a.path("partition_column").asText() : null, a.path("rows").asLong(), partitions,
                a.path("files").asLong());
    }
}
