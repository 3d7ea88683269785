package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tariff set in the SQL store on each engine: replace and load, versions, assignments, and 100,000 rates in seconds. */
class TariffStoreIT {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aStoredSetLoadsBackEqualAndReplacingItTwiceWorks(Dialect dialect) throws Exception {
        try (var store = TariffFixtures.fresh(dialect, dir); Database db = store.open()) {
            TariffStore tariffs = new TariffStore(db);
            assertThat(tariffs.isEmpty()).isTrue();
            assertThat(tariffs.load()).isEmpty();
            Tariffs small = TariffFixtures.small();
            tariffs.replace(small);
            tariffs.replace(small);
            assertThat(tariffs.load()).contains(small);
            assertThat(tariffs.isEmpty()).isFalse();
            assertThat(tariffs.seedIfEmpty(() -> { throw new AssertionError("not empty"); })).isFalse();
            assertThat(tariffs.versions("basic")).extracting(PlanVersion::version).containsExactly(1, 2);
            assertThat(tariffs.versions("nope")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aNewVersionTakesEffectAtItsActivationAndAnExistingOneIsRefused(Dialect dialect) throws Exception {
        try (var store = TariffFixtures.fresh(dialect, dir); Database db = store.open()) {
            TariffStore tariffs = new TariffStore(db);
            tariffs.replace(TariffFixtures.small());
            PlanVersion v2 = tariffs.versions("basic").get(1);
            PlanVersion v3 = new PlanVersion("basic", 3, Instant.parse("2027-01-01T05:00:00Z"), "USD", new BigDecimal("0.08"), List.of(), v2.holidays(),
                    v2.rates(), List.of());
            tariffs.addVersion(v3);
            Tariffs loaded = tariffs.load().orElseThrow();
            assertThat(loaded.versionAt("basic", Instant.parse("2026-12-31T12:00:00Z")).orElseThrow().version()).isEqualTo(2);
            assertThat(loaded.versionAt("basic", Instant.parse("2027-01-02T00:00:00Z")).orElseThrow()).isEqualTo(v3);
            assertThatThrownBy(() -> tariffs.addVersion(v3)).isInstanceOf(TariffException.class)
                    .extracting(e -> ((TariffException) e).code()).isEqualTo(TariffException.Code.CONFLICT);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void subscribersAreAssignedToKnownPlansOnly(Dialect dialect) throws Exception {
        try (var store = TariffFixtures.fresh(dialect, dir); Database db = store.open()) {
            TariffStore tariffs = new TariffStore(db);
            assertThatThrownBy(() -> tariffs.assign("+12015550199", "basic")).isInstanceOf(TariffException.class);
            tariffs.replace(TariffFixtures.small());
            tariffs.assign("+12015550199", "basic");
            assertThat(tariffs.load().orElseThrow().planOf("+12015550199")).isEqualTo("basic");
            assertThatThrownBy(() -> tariffs.assign("+12015550199", "gold")).isInstanceOf(TariffException.class)
                    .extracting(e -> ((TariffException) e).code()).isEqualTo(TariffException.Code.NOT_FOUND);
            assertThatThrownBy(() -> tariffs.assign("12015550199", "basic")).isInstanceOf(TariffException.class)
                    .extracting(e -> ((TariffException) e).code()).isEqualTo(TariffException.Code.INVALID);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void hundredThousandRatesAreSavedAndLoadedInSeconds(Dialect dialect) throws Exception {
        Tariffs big = TariffFixtures.big(100_000);
        try (var store = TariffFixtures.fresh(dialect, dir); Database db = store.open()) {
            TariffStore tariffs = new TariffStore(db);
            long t0 = System.nanoTime();
            tariffs.replace(big);
            long saved = System.nanoTime();
            Tariffs loaded = tariffs.load().orElseThrow();
            long done = System.nanoTime();
            System.out.printf("%s: 100,000 rates saved in %d ms, loaded in %d ms%n", dialect, (saved - t0) / 1_000_000, (done - saved) / 1_000_000);
            PlanVersion expected = big.plans().get("wholesale").get(0);
            PlanVersion got = loaded.plans().get("wholesale").get(0);
            assertThat(got.rates()).hasSize(100_000);
            for (int i = 0; i < expected.rates().size(); i++) assertThat(got.rates().get(i)).isEqualTo(expected.rates().get(i));
            assertThat(loaded.equals(big)).isTrue();
            assertThat((done - t0) / 1_000_000_000.0).isLessThan(20.0);
        }
    }
}
