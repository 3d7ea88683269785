package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCtrCommandTest {
    @TempDir Path dir;

    @Test
    void writesContactRecordsOnePerLineTheSameForASeed() throws Exception {
        Path out = dir.resolve("a.json"), again = dir.resolve("b.json");
        CliRun run = CliRun.of("generate", "ctr", "--count", "500", "--seed", "7", "--error-rate", "0.02", "--duplicate-rate", "0.05",
                "--out", out.toString(), "--data", dir.resolve("data").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("generated total=500 new=\\d+ updated=\\d+ replayed=\\d+ errors=\\d+");
        assertThat(Files.readAllLines(out)).hasSize(500);
        CliRun second = CliRun.of("generate", "ctr", "--count", "500", "--seed", "7", "--error-rate", "0.02", "--duplicate-rate", "0.05",
                "--out", again.toString(), "--data", dir.resolve("data").toString());
        assertThat(second.exitCode()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }

    @Test
    void refusesOtherFormatsLiveModeAndBadRates() {
        assertThat(CliRun.of("generate", "ctr", "--count", "5", "--format", "cdr-json").exitCode()).isNotZero();
        assertThat(CliRun.of("generate", "ctr", "--count", "5", "--rate", "10").exitCode()).isNotZero();
        CliRun bad = CliRun.of("generate", "ctr", "--count", "5", "--error-rate", "0.7", "--duplicate-rate", "0.7");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("must not exceed 1");
    }
}
