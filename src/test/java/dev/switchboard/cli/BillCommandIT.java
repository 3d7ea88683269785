package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.TariffFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
