package dev.switchboard.rating;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.cdr.CdrType;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Shared pieces of the tariff tests: a small set, a big generated one, and a fresh store per engine (as CustomerFixtures does). */
final class TariffFixtures {
    static final String PG_ENV = "SWITCHBOARD_TEST_PG";

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

    static TestStore fresh(Dialect dialect, Path dir) {
        if (dialect == Dialect.DUCKDB) return new TestStore("jdbc:duckdb:" + dir.resolve("tariffs-" + UUID.randomUUID() + ".duckdb"), null);
        String pg = System.getenv(PG_ENV);
        assumeTrue(pg != null && !pg.isBlank(), PG_ENV + " is not set: PostgreSQL variant skipped");
        String schema = "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError(PG_ENV + "=" + pg + " is set but unusable: " + e.getMessage(), e);
        }
        return new TestStore(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
    }

    record TestStore(String url, String schema) implements AutoCloseable {
        Database open() {
            return Database.open(url, "", "");
        }

        @Override
        public void close() throws SQLException {
            if (schema == null) return;
            try (Connection c = DriverManager.getConnection(System.getenv(PG_ENV)); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
