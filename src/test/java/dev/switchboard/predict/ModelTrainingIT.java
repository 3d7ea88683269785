package dev.switchboard.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Trains on a simulated history in DuckDB, end to end: read, split, train both algorithms, report, registry, replacement. */
class ModelTrainingIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    @TempDir Path dir;

    @Test
    void learnsTheSimulatorsSubjectsCloseToBayesOptimalAndWellAboveTheMajorityBaseline() throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir); Database db = store.open()) {
            PredictFixtures.simulatedHistory(db, 5_000, 30_000, 11);
            ModelTraining training = training(db, new CurrentModel());

            TrainingOutcome outcome = training.train(new ModelTraining.Request(null, null, true));

            ModelReport r = outcome.report();
            System.out.printf("model IT: %s accuracy %.4f baseline %.4f bayes %.4f macro-F1 %.4f brier %.4f candidates %s rows %s (%.1f s)%n",
                    r.algorithm(), r.accuracy(), r.baselineAccuracy(), r.bayesOptimalAccuracy(), r.macroF1(), r.brier(), r.candidates(), r.rows(),
                    r.trainingSeconds());
            assertThat(r.version()).isEqualTo(1);
            assertThat(outcome.installed()).isTrue();
            // The simulator's subjects are hard to predict: Bayes-optimal is only a few points above always answering OTHER.
            assertThat(r.bayesOptimalAccuracy()).isGreaterThan(r.baselineAccuracy());
            assertThat(r.accuracy()).isGreaterThan(r.baselineAccuracy());
            assertThat(r.accuracy()).isCloseTo(r.bayesOptimalAccuracy(), within(0.02));
            assertThat(r.candidates()).extracting(ModelReport.Candidate::algorithm).containsExactly("logistic_regression", "random_forest");
            assertThat(r.rows().train() + r.rows().validation() + r.rows().test()).isGreaterThan(25_000);
            assertThat(r.test().count()).isEqualTo(r.rows().test());
            assertThat(r.brier()).isBetween(0.0, 1.0);
            assertThat(Files.size(Path.of(outcome.file()))).isPositive();

            // a fresh process loads the active model from the registry and scores the same
            CurrentModel.Installed loaded = training.registry().loadActive().orElseThrow();
            assertThat(loaded.report()).usingRecursiveComparison().isEqualTo(r);
            CallFeatures f = new TrainingHistory(db, PredictFixtures.ZONE).read(null, null).get(0).features();
            assertThat(loaded.predictor().predict(f)).isEqualTo(training.current().get().orElseThrow().predictor().predict(f));
        }
    }

    /** On PostgreSQL too (when SWITCHBOARD_TEST_PG is set): the history read, the registry and the model files. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aNewModelReplacesTheCurrentOneOnlyWhenAtLeastAsGoodOnTheNewTestSplit(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            PredictFixtures.simulatedHistory(db, 5_000, 20_000, 12);
            List<TrainingRow> rows = new TrainingHistory(db, PredictFixtures.ZONE).read(null, null);
            ModelTraining training = training(db, new CurrentModel());
            TrainingOutcome full = training.train(new ModelTraining.Request(null, null, true));

            // The same history again: the same model, equally good on the same test split, replaces it (>=).
            TrainingOutcome again = training.train(new ModelTraining.Request(null, null, true));
            assertThat(again.installed()).isTrue();
            assertThat(again.previousVersion()).isEqualTo(1);
            assertThat(again.previousAccuracyOnThisTest()).isEqualTo(again.report().accuracy());

            // Trained on the first 150 calls only, tested on the last 15 % of those: the current model, re-scored there, is better.
            Instant until = rows.get(150).queuedAt();
            TrainingOutcome small = training.train(new ModelTraining.Request(null, until, true));
            assertThat(small.previousAccuracyOnThisTest()).isGreaterThan(small.report().accuracy());
            assertThat(small.installed()).isFalse();
            assertThat(training.current().get().orElseThrow().report().version()).isEqualTo(2);
            assertThat(training.registry().list()).extracting(ModelRegistry.Entry::version, ModelRegistry.Entry::active)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, false), org.assertj.core.groups.Tuple.tuple(2, true),
                            org.assertj.core.groups.Tuple.tuple(1, false));
            assertThat(full.report().accuracy()).isEqualTo(again.report().accuracy());
        }
    }

    private ModelTraining training(Database db, CurrentModel current) {
        return new ModelTraining(new TrainingHistory(db, PredictFixtures.ZONE), new ModelRegistry(db, dir.resolve("models")), current, CLOCK);
    }
}
