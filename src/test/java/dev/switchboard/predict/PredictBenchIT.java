package dev.switchboard.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.callcenter.simulate.Callers;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not run by default: {@code -Dpredict.bench=100000} simulates that many completed calls
 * (20,000 synthetic callers, the simulator's default center, Europe/Paris) into DuckDB, trains on them
 * and prints test accuracy against the majority baseline and the Bayes-optimal accuracy, and the time
 * of each step. The targets: at 100,000 calls accuracy within 2 points of Bayes-optimal; at
 * 1,000,000 calls training (reading the history included) under 60 s on the 2-core machine.
 */
class PredictBenchIT {
    @TempDir Path dir;

    @Test
    void trainOnASimulatedHistory() throws Exception {
        int n = Integer.getInteger("predict.bench", 0);
        assumeTrue(n > 0, "set -Dpredict.bench=CALLS to run");
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir); Database db = store.open()) {
            long t0 = System.nanoTime();
            PredictFixtures.simulatedHistory(db, Callers.DEFAULT_COUNT, n, 7);
            System.out.printf("predict bench: %d calls simulated and stored in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            ModelTraining training = new ModelTraining(new TrainingHistory(db, PredictFixtures.ZONE), new ModelRegistry(db, dir.resolve("models")),
                    new CurrentModel(), Clock.systemUTC());
            ModelReport r = training.train(new ModelTraining.Request(null, null, true)).report();
            System.out.printf("predict bench: %d calls, rows %s: %s test accuracy %.4f, baseline %.4f (%s), Bayes-optimal %.4f, macro-F1 %.4f, "
                    + "Brier %.4f; read %.1f s, whole training %.1f s; candidates %s%n", n, r.rows(), r.algorithm(), r.accuracy(), r.baselineAccuracy(),
                    r.baselineSubject(), r.bayesOptimalAccuracy(), r.macroF1(), r.brier(), r.readSeconds(), r.trainingSeconds(), r.candidates());
            assertThat(r.accuracy()).isGreaterThan(r.baselineAccuracy());
        }
    }
}
