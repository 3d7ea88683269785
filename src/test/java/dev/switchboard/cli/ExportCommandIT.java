package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.platform.InstanceLock;
import dev.switchboard.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard export} on a data folder with no running process: straight from the DuckDB store. */
class ExportCommandIT {
    @TempDir Path dir;

    @Test
    void exportsCdrsByLocalDateRefusesAFullFolderAndAHeldDataFolder() throws Exception {
        Path data = dir.resolve("data");
        Path out = dir.resolve("lake/cdr");
        assertThat(CliRun.of("export", "cdr", "--to", out.toString(), "--data", data.toString()).err()).contains("no history yet");
        Files.createDirectories(data);
        try (Database db = Database.open("jdbc:duckdb:" + data.resolve("switchboard.duckdb").toAbsolutePath(), "", "")) {
            db.read("seed", c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result) VALUES "
                            + "('a', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-02T04:59:00Z', 10, 'VOICE', 'ANSWERED'),"  // 23:59 on 1 March in Toronto
                            + "('b', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-02T05:00:00Z', 20, 'VOICE', 'ANSWERED'),"
                            + "('c', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-03T12:00:00Z', NULL, 'SMS', 'ANSWERED')");
                }
                return null;
            });
        }
        String[] args = {"export", "cdr", "--to", out.toString(), "--format", "parquet", "--zone", "America/Toronto", "--data", data.toString()};
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("exported 3 rows of cdr", "3 dt= partitions by start_time in America/Toronto");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("dt=2026-03-01", "dt=2026-03-02", "dt=2026-03-03");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(id || '@' || dt, ' ' ORDER BY id) FROM read_parquet('" + out
                        + "/**/*.parquet', hive_partitioning = true)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("a@2026-03-01 b@2026-03-02 c@2026-03-03");
        }

        CliRun again = CliRun.of(args);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("is not empty", "--overwrite");
        CliRun one = CliRun.of("export", "cdr", "--to", out.toString(), "--from", "2026-03-02", "--until", "2026-03-02", "--overwrite",
                "--zone", "America/Toronto", "--data", data.toString());
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("exported 1 rows of cdr", "1 dt= partitions");

        CliRun unknown = CliRun.of("export", "cdrs", "--to", dir.resolve("x").toString(), "--data", data.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown table 'cdrs'; exportable tables: ", "bill", "call", "cdr", "cdr_error");
        assertThat(CliRun.of("export", "cdr", "--to", "x", "--format", "csv", "--data", data.toString()).err()).contains("use parquet");

        try (InstanceLock held = InstanceLock.tryAcquire(data).orElseThrow()) {
            held.publishUrl("http://127.0.0.1:9");
            CliRun refused = CliRun.of("export", "cdr", "--to", dir.resolve("y").toString(), "--data", data.toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("is in use by the process at http://127.0.0.1:9", "stop it");
        }
        assertThat(CliRun.of("export", "--help").out()).contains("--to", "--partition-by", "--from", "--until", "--overwrite", "dt=YYYY-MM-DD",
                "--zone");
    }
}
