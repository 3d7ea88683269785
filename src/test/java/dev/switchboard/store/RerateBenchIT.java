package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.Rerating;
import dev.switchboard.rating.Tariffs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick measurement, not run by default: {@code -Drerate.bench=1000000} stores that many unpriced CDRs
 * in one month on DuckDB (SQL-generated: 50,000 subscribers calling US, French and German numbers), then
 * re-rates the month with the example tariffs twice: every row written, then (idempotent) none.
 */
class RerateBenchIT {
    @TempDir Path dir;

    @Test
    void rerateAMonth() throws Exception {
        long n = Long.getLong("rerate.bench", 0);
        assumeTrue(n > 0, "set -Drerate.bench=COUNT to run");
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir); Database db = store.open()) {
            long t0 = System.nanoTime();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result, operator) "
                        + "SELECT 'c' || i, '+1201555' || lpad(CAST(i % 50000 AS VARCHAR), 5, '0'), "
                        + "CASE i % 3 WHEN 0 THEN '+12125550' || lpad(CAST(i % 1000 AS VARCHAR), 3, '0') WHEN 1 THEN '+33198765432' ELSE '+4915187654321' END, "
                        + "TIMESTAMPTZ '2026-03-01 05:00:00+00' + to_seconds(CAST(i * 7 % 2592000 AS BIGINT)), CAST(i % 600 AS INTEGER), 'VOICE', "
                        + "CASE WHEN i % 10 = 0 THEN 'NO_ANSWER' ELSE 'ANSWERED' END, 'Orange' FROM range(" + n + ") t(i)");
            }
            long t1 = System.nanoTime();
            Tariffs tariffs = ExampleTariffs.load();
            Rerating.Result first = new Rerating(db, tariffs).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), false);
            long t2 = System.nanoTime();
            Rerating.Result second = new Rerating(db, tariffs).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), false);
            long t3 = System.nanoTime();
            Rerating.Result dry = new Rerating(db, tariffs).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), true);
            long t4 = System.nanoTime();
            System.out.printf("rerate bench: %d CDRs stored in %d ms; first re-rating %d ms (%d changed, %d unpriced, %.0f CDRs/s); "
                            + "second %d ms (%d changed, %.0f CDRs/s); dry run %d ms%n", n, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    first.changed(), first.unpriced(), n * 1e9 / (t2 - t1), (t3 - t2) / 1_000_000, second.changed(), n * 1e9 / (t3 - t2),
                    (t4 - t3) / 1_000_000);
            assertThat(first.rerated()).isEqualTo(n);
            assertThat(second.changed()).isZero();
        }
    }
}
