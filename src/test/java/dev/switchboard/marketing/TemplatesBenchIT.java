package dev.switchboard.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.StoreFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not run by default: {@code -Dtemplates.bench=10000000} stores that many CDRs of one month
 * on DuckDB (SQL-generated: 50,000 callers in four zones, 15 % of calls to 200 directory numbers and two
 * block prefixes, 5 % international to four countries, 10 % SMS), then times each template over the month,
 * twice (first run, then warm).
 */
class TemplatesBenchIT {
    @TempDir Path dir;

    @Test
    void templatesOverAMonth() throws Exception {
        long n = Long.getLong("templates.bench", 0);
        assumeTrue(n > 0, "set -Dtemplates.bench=COUNT to run");
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(Dialect.DUCKDB, dir); Database db = store.open()) {
            long t0 = System.nanoTime();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO business_directory SELECT '+1201555' || lpad(CAST(k AS VARCHAR), 4, '0'), "
                        + "CASE k % 5 WHEN 0 THEN 'FOOD' WHEN 1 THEN 'BANKING' WHEN 2 THEN 'HOSPITAL' WHEN 3 THEN 'SCHOOL' ELSE 'JOB' END, "
                        + "CASE k % 5 WHEN 0 THEN 'AD' WHEN 1 THEN 'BUSINESS' WHEN 2 THEN 'HEALTH' WHEN 3 THEN 'EDUCATION' ELSE 'BUSINESS' END, NULL "
                        + "FROM range(200) t(k)");
                s.execute("INSERT INTO business_directory VALUES ('+1800234', 'BANKING', 'BUSINESS', NULL), ('+1888', 'TRAVELING', 'AD', NULL)");
                s.execute("INSERT INTO cdr (id, calling_number, called_number, start_time, duration_sec, type, result, operator, caller_zone, called_region, called_cc) "
                        + "SELECT 'c' || i, '+1' || CASE i % 4 WHEN 0 THEN '212' WHEN 1 THEN '312' WHEN 2 THEN '415' ELSE '808' END || '555' "
                        + "|| lpad(CAST(i % 50000 AS VARCHAR), 5, '0'), "
                        + "CASE WHEN i % 20 < 2 THEN '+1201555' || lpad(CAST((i // 20 * 7) % 200 AS VARCHAR), 4, '0') "
                        + "WHEN i % 20 = 2 THEN '+1800234' || lpad(CAST(i % 10000 AS VARCHAR), 4, '0') "
                        + "WHEN i % 20 = 3 THEN '+33198765' || lpad(CAST(i % 1000 AS VARCHAR), 3, '0') "
                        + "ELSE '+1646555' || lpad(CAST(i % 100000 AS VARCHAR), 5, '0') END, "
                        + "TIMESTAMPTZ '2026-03-01 05:00:00+00' + to_seconds(CAST(i * 7 % 2592000 AS BIGINT)), CAST(i % 600 AS INTEGER), "
                        + "CASE WHEN i % 10 = 9 THEN 'SMS' ELSE 'VOICE' END, 'ANSWERED', 'Orange', "
                        + "CASE i % 4 WHEN 0 THEN 'America/New_York' WHEN 1 THEN 'America/Chicago' WHEN 2 THEN 'America/Los_Angeles' ELSE NULL END, "
                        + "CASE WHEN i % 20 = 3 THEN 'FR' ELSE 'US' END, CASE WHEN i % 20 = 3 THEN 33 ELSE 1 END FROM range(" + n + ") t(i)");
            }
            System.out.printf("templates bench: %d CDRs stored in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
            HistoryTemplates t = new HistoryTemplates(db, ZoneId.of("America/New_York"), "US");
            TemplateQuery month = TemplateQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
            for (int round = 1; round <= 2; round++) {
                StringBuilder line = new StringBuilder("templates bench round " + round + ":");
                for (int k = 0; k <= 4; k++) {
                    long s0 = System.nanoTime();
                    int rows = t.template(k, month).size();
                    line.append(String.format(" T%d %d ms (%d rows);", k, (System.nanoTime() - s0) / 1_000_000, rows));
                    assertThat(rows).isPositive();
                }
                System.out.println(line);
            }
        }
    }
}
