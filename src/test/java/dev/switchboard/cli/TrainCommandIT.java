package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.predict.PredictFixtures;
import dev.switchboard.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard train} on a data folder's DuckDB holding a simulated history, with no process running there. */
class TrainCommandIT {
    @TempDir Path data;

    @Test
    void trainsPrintsTheFiguresAndKeepsTheModelInTheDataFolder() {
        try (Database db = Database.open("jdbc:duckdb:" + data.resolve("switchboard.duckdb").toAbsolutePath(), "", "")) {
            PredictFixtures.simulatedHistory(db, 2_000, 5_000, 5);
        }

        CliRun run = CliRun.of("train", "--data", data.toString(), "--zone", "Europe/Paris", "--simulated");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("model v1", "  version                1", "  accuracy ", "  baseline_accuracy ", "  macro_f1 ",
                "installed: the first model", "report: table model_registry");
        assertThat(run.out()).containsPattern("bayes_optimal_accuracy 0\\.\\d{4}");
        assertThat(Files.exists(data.resolve("models").resolve("subject-v1.tribuo"))).isTrue();

        CliRun bad = CliRun.of("train", "--data", data.toString(), "--from", "last week");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("from: expected YYYY-MM-DD");
    }
}
