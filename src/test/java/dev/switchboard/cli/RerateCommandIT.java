package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.InstanceLock;
import dev.switchboard.rating.FreeAllowance;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Rate;
import dev.switchboard.rating.RatedCdr;
import dev.switchboard.rating.RatingHistory;
import dev.switchboard.rating.Rounding;
import dev.switchboard.rating.TariffFiles;
import dev.switchboard.rating.Tariffs;
import dev.switchboard.store.Database;
import dev.switchboard.store.TableMapping;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard rerate} on a DuckDB data folder: dry run with a candidate plan, the real run, and the refusal while the folder is held. */
class RerateCommandIT {
    @TempDir Path dir;

    private static Tariffs tariffs(String pricePerMinute) {
        Rate rate = new Rate("all", CdrType.VOICE, "", null, BigDecimal.ZERO, new BigDecimal(pricePerMinute), 60, 60, 60, null, null,
                Rounding.HALF_UP, 2, "USD");
        PlanVersion v = new PlanVersion("p", 1, Instant.EPOCH, "USD", BigDecimal.ZERO, List.of(), Set.of(), List.of(rate),
                List.<FreeAllowance>of());
        return new Tariffs(Map.of("p", List.of(v)), Map.of(), "p", ZoneOffset.UTC);
    }

    private static Path json(Path file, Tariffs t) throws Exception {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TariffFiles.write(w, t);
        }
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void dryRunReportsThenRerateWritesAndAHeldFolderIsRefused() throws Exception {
        Path data = dir.resolve("data");
        Path old = json(dir.resolve("old.json"), tariffs("0.10"));
        Path next = json(dir.resolve("new.json"), tariffs("0.25"));
        assertThat(CliRun.of("tariffs", "import", old.toString(), "--data", data.toString()).exitCode()).isZero();
        Cdr fr = new Cdr("c1", "+12015550123", "+33198765432", Instant.parse("2026-03-05T12:00:00Z"), 100, CdrType.VOICE, CdrResult.ANSWERED, null);
        Cdr de = new Cdr("c2", "+12015550124", "+4915187654321", Instant.parse("2026-03-06T12:00:00Z"), 30, CdrType.VOICE, CdrResult.ANSWERED, null);
        try (Database db = Database.open("jdbc:duckdb:" + data.resolve("switchboard.duckdb").toAbsolutePath(), "", "")) {
            // Stored at the old price: 120 s = 0.20 and 60 s = 0.10.
            db.write((TableMapping<RatedCdr>) RatingHistory.routes().get(0).mapping(), List.of(priced(fr, "0.20"), priced(de, "0.10")));
        }

        CliRun dry = CliRun.of("rerate", "--from", "2026-03-05", "--to", "2026-03-05", "--plan", next.toString(), "--dry-run", "--data", data.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        // New: 2 min × 0.25 = 0.50 (+0.30) and 1 min = 0.25 (+0.15).
        assertThat(dry.out()).contains("dry run: priced 2 CDRs", "2 changed (nothing written)")
                .containsPattern("USD\\s+0\\.3\\s+0\\.75\\s+0\\.45")
                .containsPattern("\\+12015550123\\s+USD\\s+0\\.2\\s+0\\.5\\s+0\\.3")
                .containsPattern("FR\\s+USD\\s+0\\.2\\s+0\\.5\\s+0\\.3")
                .containsPattern("DE\\s+USD\\s+0\\.1\\s+0\\.25\\s+0\\.15");

        try (InstanceLock held = InstanceLock.tryAcquire(data).orElseThrow()) {
            CliRun refused = CliRun.of("rerate", "--from", "2026-03-01", "--to", "2026-03-31", "--data", data.toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("is in use by a running Switchboard", "stop that process");
        }

        assertThat(CliRun.of("tariffs", "import", next.toString(), "--data", data.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("rerate", "--from", "2026-03-01", "--to", "2026-03-31", "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("re-rated 2 CDRs", "2 changed and written");
        CliRun again = CliRun.of("rerate", "--from", "2026-03-01", "--to", "2026-03-31", "--data", data.toString());
        assertThat(again.out()).contains("re-rated 2 CDRs", "0 changed and written");
        CliRun q = CliRun.of("query", "select id, cost from cdr order by id", "--format", "csv", "--data", data.toString());
        assertThat(q.out()).contains("c1,0.5", "c2,0.25");
    }

    private static RatedCdr priced(Cdr cdr, String cost) {
        var r = (dev.switchboard.rating.RatingResult.Rated) new dev.switchboard.rating.Rater(tariffs("0.10")).rate(cdr, dev.switchboard.rating.FreeUnits.FRESH);
        assertThat(r.cost()).isEqualByComparingTo(cost);
        return new RatedCdr(cdr, r.cost(), r.currency(), r.rateId(), r.planVersion(), r.proof());
    }
}
