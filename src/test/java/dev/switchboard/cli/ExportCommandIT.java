package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.export.ExportRoutes;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.access.AccessControl;
import dev.switchboard.access.AccessRole;
import dev.switchboard.access.TokenStore;
import dev.switchboard.access.Tokens;
import dev.switchboard.platform.Json;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.switchboard.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
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
        try (Database db = open(data)) {
            seed(db, "('a', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-02T04:59:00Z', 10, 'VOICE', 'ANSWERED'),"  // 23:59 on 1 March in Toronto
                    + "('b', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-02T05:00:00Z', 20, 'VOICE', 'ANSWERED'),"
                    + "('c', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-03T12:00:00Z', NULL, 'SMS', 'ANSWERED')");
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
            assertThat(refused.err()).contains("cannot reach Switchboard at http://127.0.0.1:9");
        }
        assertThat(CliRun.of("export", "--help").out()).contains("--to", "--partition-by", "--from", "--until", "--overwrite", "dt=YYYY-MM-DD",
                "--zone");
    }
    @Test
    void whileAProcessHoldsTheDataFolderItExportsWhenGivenAnAdminToken() throws Exception {
        Path data = dir.resolve("data");
        Path out = dir.resolve("lake/cdr");
        try (InstanceLock held = InstanceLock.tryAcquire(data).orElseThrow(); Database db = open(data)) {
            seed(db, "('a', '+14165550123', '+14165550124', TIMESTAMPTZ '2026-03-02T04:59:00Z', 10, 'VOICE', 'ANSWERED')");
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            });
            TokenStore tokens = new TokenStore(db, Clock.systemUTC());
            String admin = tokens.create(AccessRole.ADMIN, "admin").secret();
            String viewer = tokens.create(AccessRole.VIEWER, "viewer").secret();
            new AccessControl(new Tokens(tokens, Clock.systemUTC()), 0).register(app);
            new ExportRoutes(db, ZoneId.of("UTC")).register(app);
            app.start("127.0.0.1", 0);
            try {
                String url = "http://127.0.0.1:" + app.port();
                held.publishUrl(url);
                CliRun noToken = CliRun.of("export", "cdr", "--to", out.toString(), "--data", data.toString());
                assertThat(noToken.exitCode()).isEqualTo(2);
                assertThat(noToken.err()).contains("not signed in", "set SWITCHBOARD_TOKEN");
                CliRun wrong = CliRun.of("export", "cdr", "--to", out.toString(), "--set", "token=sb_nope", "--data", data.toString());
                assertThat(wrong.exitCode()).isEqualTo(2);
                assertThat(wrong.err()).contains("the token is not valid");
                CliRun asViewer = CliRun.of("export", "cdr", "--to", out.toString(), "--set", "token=" + viewer, "--data", data.toString());
                assertThat(asViewer.err()).contains("needs role admin", "has role viewer");
                assertThat(out).doesNotExist();

                CliRun run = CliRun.of("export", "cdr", "--to", out.toString(), "--zone", "America/Toronto", "--set", "token=" + admin,
                        "--data", data.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).contains("exported 1 rows of cdr to " + out, "1 dt= partitions by start_time in America/Toronto");
                assertThat(out.resolve("dt=2026-03-01")).isDirectory();
                CliRun full = CliRun.of("export", "cdrs", "--to", out.toString(), "--set", "token=" + admin, "--data", data.toString());
                assertThat(full.err()).contains("unknown table 'cdrs'; exportable tables:");

                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> relative = http.send(HttpRequest.newBuilder(URI.create(url + ExportRoutes.PATH)).header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"table\": \"cdr\", \"dir\": \"lake\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(relative.statusCode()).isEqualTo(400);
                assertThat(relative.body()).contains("absolute path");
            } finally {
                app.stop();
            }
        }
    }

    private static Database open(Path data) throws Exception {
        Files.createDirectories(data);
        return Database.open("jdbc:duckdb:" + data.resolve("switchboard.duckdb").toAbsolutePath(), "", "");
    }

    private static void seed(Database db, String values) {
        db.read("seed", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result) VALUES " + values);
            }
            return null;
        });
    }
}
