package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.TariffFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.switchboard.billing.BillingRoutes;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard bill} on a data folder with no running process: straight into the DuckDB store. */
class BillCommandIT {
    @TempDir Path dir;

    @Test
    void aPeriodClosesAndItsBillsAreWrittenAsCsvOrJson() throws Exception {
        Path data = dir.resolve("data");
        CliRun none = CliRun.of("bill", "--period", "2026-03", "--data", data.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no tariff set is stored");

        Path json = dir.resolve("tariffs.json");
        Files.writeString(json, TariffFiles.json(ExampleTariffs.load()), StandardCharsets.UTF_8);
        assertThat(CliRun.of("tariffs", "import", json.toString(), "--data", data.toString()).exitCode()).isZero();

        Path csv = dir.resolve("out/bills.csv");
        CliRun bill = CliRun.of("bill", "--period", "2026-03", "--out", csv.toString(), "--data", data.toString());
        assertThat(bill.exitCode()).as(bill.err()).isZero();
        assertThat(bill.out()).contains("period 2026-03", "0 subscribers", "reconciled");
        assertThat(Files.readString(csv)).startsWith("subscriber,period,currency,plan_id,");

        Path out = dir.resolve("bills.txt");
        CliRun asJson = CliRun.of("bill", "--period", "2026-03", "--out", out.toString(), "--format", "json", "--data", data.toString());
        assertThat(asJson.exitCode()).as(asJson.err()).isZero();
        assertThat(Files.readString(out)).contains("\"period\" : \"2026-03\"", "\"bills\" : [ ]");

        assertThat(CliRun.of("bill", "--period", "March", "--data", data.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bill", "--period", "2026-03", "--format", "xml", "--data", data.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void withServerTheRunAndTheExportGoThroughTheApi() throws Exception {
        try (Database db = Database.open("jdbc:duckdb:" + dir.resolve("remote.duckdb"), "", "")) {
            BillingRun billing = new BillingRun(db, () -> Optional.of(ExampleTariffs.load()), Clock.systemUTC());
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            });
            new BillingRoutes(billing).register(app);
            app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(java.util.Map.of("error", "bad request", "details", e.getMessage())));
            app.start("127.0.0.1", 0);
            try {
                String url = "http://127.0.0.1:" + app.port();
                Path csv = dir.resolve("remote.csv");
                CliRun bill = CliRun.of("bill", "--period", "2026-02", "--server", url, "--out", csv.toString());
                assertThat(bill.exitCode()).as(bill.err()).isZero();
                assertThat(bill.out()).contains("period 2026-02", "reconciled");
                assertThat(Files.readString(csv)).startsWith("subscriber,period,");
                CliRun bad = CliRun.of("bill", "--period", "2026-13", "--server", url);
                assertThat(bad.exitCode()).isEqualTo(2);
                assertThat(bad.err()).contains("period");
            } finally {
                app.stop();
            }
        }
    }
}
