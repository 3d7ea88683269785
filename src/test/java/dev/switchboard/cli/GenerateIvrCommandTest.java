package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateIvrCommandTest {
    @TempDir Path dir;

    @Test
    void writesCountSessionsAsNdjsonDeterministically() throws Exception {
        Path out = dir.resolve("ivr.ndjson");
        CliRun run = CliRun.of("generate", "ivr", "--count", "500", "--seed", "3", "--months", "3", "--error-rate", "0.1",
                "--duplicate-rate", "0.05", "--out", out.toString(), "--data", dir.resolve("data").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(500);
        assertThat(run.err()).contains("generated total=500 sessions=");
        Path again = dir.resolve("again.ndjson");
        CliRun.of("generate", "ivr", "--count", "500", "--seed", "3", "--months", "3", "--error-rate", "0.1",
                "--duplicate-rate", "0.05", "--out", again.toString(), "--data", dir.resolve("data").toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }

    @Test
    void refusesBadOptions() {
        assertThat(CliRun.of("generate", "ivr", "--count", "5", "--months", "0").exitCode()).isNotZero();
        assertThat(CliRun.of("generate", "ivr", "--count", "5", "--format", "cdr-csv").exitCode()).isNotZero();
        assertThat(CliRun.of("generate", "ivr", "--count", "5", "--error-rate", "2").exitCode()).isNotZero();
    }
}
