package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.TariffFiles;
import dev.switchboard.rating.Tariffs;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard tariffs import|export} on a data folder with no running process: straight into the DuckDB store. */
class TariffsCommandIT {
    @TempDir Path dir;

    @Test
    void aJsonPlusCsvSetImportsAndExportsBackTheSame() throws Exception {
        Path data = dir.resolve("data");
        Path json = dir.resolve("tariffs.json");
        Path csv = dir.resolve("rates.csv");
        Tariffs example = ExampleTariffs.load();
        try (Writer j = Files.newBufferedWriter(json, StandardCharsets.UTF_8); Writer c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            TariffFiles.writeSplit(j, c, example);
        }
        CliRun imp = CliRun.of("tariffs", "import", json.toString(), "--rates", csv.toString(), "--data", data.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("stored 3 plans, 4 versions, 986 rates");

        Path out = dir.resolve("export.json");
        CliRun exp = CliRun.of("tariffs", "export", "--out", out.toString(), "--data", data.toString());
        assertThat(exp.exitCode()).as(exp.err()).isZero();
        try (var r = Files.newBufferedReader(out)) {
            assertThat(TariffFiles.read(r)).isEqualTo(example);
        }
        CliRun q = CliRun.of("query", "select count(*) as n from rate", "--format", "csv", "--data", data.toString());
        assertThat(q.out()).contains("986");
    }

    @Test
    void aHundredThousandRateCsvImportsInSeconds() throws Exception {
        Path json = dir.resolve("wholesale.json");
        Files.writeString(json, """
                {"zone": "UTC", "default_plan": "wholesale",
                 "plans": [{"plan_id": "wholesale", "version": 1, "active_from": "2026-01-01", "currency": "USD", "tax_rate": "0"}]}
                """);
        Path csv = dir.resolve("wholesale.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("plan_id,version,rate_id,prefix,price_per_unit,first_increment_sec,increment_sec\n");
            for (int i = 0; i < 100_000; i++) w.write("wholesale,1,r" + i + "," + (1_000_000 + i) + ",0." + String.format("%06d", i % 999_999 + 1) + ",1,1\n");
        }
        long t0 = System.nanoTime();
        CliRun imp = CliRun.of("tariffs", "import", json.toString(), "--rates", csv.toString(), "--data", dir.resolve("data").toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("tariffs import of 100,000 CSV rates into DuckDB: %.1f s (%s)%n", seconds, imp.out().strip());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("100000 rates");
        assertThat(seconds).isLessThan(20.0);
    }

    @Test
    void aBadFileIsAUserErrorNamingTheLine() throws Exception {
        Path json = dir.resolve("t.json");
        Files.writeString(json, "{\"zone\": \"UTC\", \"default_plan\": \"p\", \"plans\": [{\"plan_id\": \"p\", \"active_from\": \"2026-01-01\", "
                + "\"currency\": \"USD\"}]}");
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "plan_id,version,rate_id,prefix,price_per_unit\np,1,a,44,0.1\np,1,b,4x,0.1\n");
        CliRun r = CliRun.of("tariffs", "import", json.toString(), "--rates", csv.toString(), "--data", dir.resolve("data").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 3").contains("prefix").doesNotContain("Exception").doesNotContain("\tat ");
        CliRun missing = CliRun.of("tariffs", "import", dir.resolve("nope.json").toString(), "--data", dir.resolve("data").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }
}
