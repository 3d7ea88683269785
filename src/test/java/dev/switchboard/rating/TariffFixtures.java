package dev.switchboard.rating;


import dev.switchboard.cdr.CdrType;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared pieces of the tariff tests: a small set, a big generated one, and a fresh store per engine (as CustomerFixtures does). */
final class TariffFixtures {

    private TariffFixtures() {}

    static Tariffs small() {
        try {
            return TariffFiles.read(new StringReader(TariffFilesTest.SMALL));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One plan with {@code count} distinct prefixes (as a wholesale carrier's rate deck), prices with six decimals. */
    static Tariffs big(int count) {
        List<Rate> rates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String prefix = Integer.toString(100_000 + i);
            BigDecimal price = TariffJson.normal(new BigDecimal(i % 5000).movePointLeft(6).add(new BigDecimal("0.01")));
            rates.add(new Rate("r" + i, CdrType.VOICE, prefix, i % 2 == 0 ? "peak" : null, BigDecimal.ZERO, price, 60, 1, 1,
                    i % 3 == 0 ? new BigDecimal("0.05") : null, null, Rounding.UP, 4, "USD"));
        }
        PlanVersion v = new PlanVersion("wholesale", 1, Instant.parse("2026-01-01T00:00:00Z"), "USD", new BigDecimal("0.1"),
                List.of(new TimeBand("peak", Set.of(DayKind.WEEKDAY), 480, 1200)), Set.of(), rates, List.of());
        return new Tariffs(Map.of("wholesale", List.of(v)), Map.of(), "wholesale", ZoneId.of("UTC"));
    }

    /** A fresh store for one test: the store tests' own fixture. */
    static StoreFixtures.TestStore fresh(Dialect dialect, Path dir) {
        return StoreFixtures.fresh(dialect, dir);
    }
}
