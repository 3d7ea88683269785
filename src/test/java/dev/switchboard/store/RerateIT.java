package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.rating.FreeAllowance;
import dev.switchboard.rating.FreeUnits;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Rate;
import dev.switchboard.rating.RatedCdr;
import dev.switchboard.rating.Rater;
import dev.switchboard.rating.RatingHistory;
import dev.switchboard.rating.StoredProof;
import dev.switchboard.rating.CostProof;
import dev.switchboard.platform.Json;
import dev.switchboard.rating.RatingResult;
import dev.switchboard.rating.Rerating;
import dev.switchboard.rating.Rounding;
import dev.switchboard.rating.Tariffs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stored CDRs priced with one tariff set are re-rated with another: new prices and proofs, free units
 * re-applied in start order within the month, a second run changes nothing, a dry run writes nothing.
 */
class RerateIT {
    static final String A = "+33612345678", B = "+4915112345678";
    static final Instant MARCH = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir Path dir;

    @SuppressWarnings("unchecked")
    private static TableMapping<RatedCdr> ratedRows() {
        return (TableMapping<RatedCdr>) RatingHistory.routes().get(0).mapping();
    }

    private static PlanVersion version(int v, Instant from, String pricePerMinute) {
        Rate rate = new Rate("all", CdrType.VOICE, "", null, BigDecimal.ZERO, new BigDecimal(pricePerMinute), 60, 60, 60, null, null,
                Rounding.HALF_UP, 2, "USD");
        return new PlanVersion("p", v, from, "USD", BigDecimal.ZERO, List.of(), Set.of(), List.of(rate),
                List.of(new FreeAllowance("voice-60", CdrType.VOICE, 60, List.of())));
    }

    /** 0.10 per started minute, 60 free seconds a month. */
    static final Tariffs OLD = new Tariffs(Map.of("p", List.of(version(1, Instant.EPOCH, "0.10"))), Map.of(), "p", ZoneOffset.UTC);
    /** The same, and from 1 March a version 2 at 0.20 per minute (same allowance id, so it keeps its balance). */
    static final Tariffs NEW = new Tariffs(Map.of("p", List.of(version(1, Instant.EPOCH, "0.10"), version(2, Instant.parse("2026-03-01T00:00:00Z"), "0.20"))),
            Map.of(), "p", ZoneOffset.UTC);

    static Cdr call(String id, String from, String to, Instant start, int seconds) {
        return new Cdr(id, from, to, start, seconds, CdrType.VOICE, CdrResult.ANSWERED, null);
    }

    static final Cdr A1 = call("a1", A, "+33198765432", MARCH.plusSeconds(3600), 61);  // arrives first, starts second: 120 s billed
    static final Cdr A2 = call("a2", A, "+33198765432", MARCH, 30);                    // 60 s billed
    static final Cdr B1 = call("b1", B, "+4915187654321", MARCH.plusSeconds(7200), 90); // 120 s billed
    static final Cdr A3 = call("a3", A, "+33198765432", Instant.parse("2026-04-02T09:00:00Z"), 60); // April: outside the months re-rated

    /** Rated as the stream does: in arrival order, free units per subscriber and month. */
    static List<RatedCdr> ratedInArrivalOrder(Tariffs tariffs, List<Cdr> cdrs) {
        Rater rater = new Rater(tariffs);
        Map<String, FreeUnits> balances = new HashMap<>();
        List<RatedCdr> out = new ArrayList<>();
        for (Cdr c : cdrs) {
            String key = c.callingNumber() + "|" + rater.book().periodOf(c.startTime());
            FreeUnits left = balances.getOrDefault(key, FreeUnits.FRESH);
            RatingResult.Rated r = (RatingResult.Rated) rater.rate(c, left);
            balances.put(key, rater.balanceAfter(left, r));
            out.add(new RatedCdr(c, r.cost(), r.currency(), r.rateId(), r.planVersion(), r.proof()));
        }
        return out;
    }

    /** id → "cost currency rate_id v plan_version free=N" and the proof text. */
    static Map<String, String> prices(Database db) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, cost, currency, rate_id, plan_version, cost_proof FROM cdr ORDER BY id")) {
            while (rs.next()) {
                String proof = rs.getString(6);
                String free = proof == null ? "-" : StoredProof.read(proof, CdrType.VOICE, null, 0, "").freeUnitsUsed().stream()
                        .map(Json::write).collect(java.util.stream.Collectors.joining(","));
                out.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + rs.getString(3) + " " + rs.getString(4)
                        + " v" + rs.getInt(5) + " " + free);
            }
        }
        return out;
    }

    static Map<String, String> proofs(Database db) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, cost_proof FROM cdr")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reratesIdempotentlyAndDryRunsChangeNothing(Dialect dialect) throws Exception {
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            db.write(ratedRows(), ratedInArrivalOrder(OLD, List.of(A1, A2, B1, A3)));
            // In arrival order a1 took A's 60 free seconds: a1 = 60 paid s = 0.10, a2 = 60 paid s = 0.10.
            Map<String, String> stored = prices(db);
            assertThat(stored.get("a1")).startsWith("0.1 USD all v1 {\"allowance_id\":\"voice-60\",\"units\":60}");
            assertThat(stored.get("a2")).startsWith("0.1 USD all v1 ");
            assertThat(stored.get("a2")).doesNotContain("voice-60");
            Map<String, String> storedProofs = proofs(db);

            // What-if with NEW over one day of March = all of March: a2 60 s free → 0; a1 120 s × 0.20 = 0.40; b1 60 free + 60 paid = 0.20.
            Rerating.Result dry = new Rerating(db, NEW).run(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), true);
            assertThat(dry.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
            assertThat(dry.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
            assertThat(List.of(dry.rerated(), dry.changed(), dry.unpriced())).containsExactly(3L, 3L, 0L);
            assertThat(dry.before().get("USD")).isEqualByComparingTo("0.30");
            assertThat(dry.after().get("USD")).isEqualByComparingTo("0.60");
            assertThat(dry.bySubscriber()).extracting(d -> d.key() + " " + d.before().stripTrailingZeros().toPlainString() + " → "
                    + d.after().stripTrailingZeros().toPlainString()).containsExactly(A + " 0.2 → 0.4", B + " 0.1 → 0.2");
            assertThat(dry.byDestination()).extracting(d -> d.key() + " " + d.change().stripTrailingZeros().toPlainString())
                    .containsExactly("FR 0.2", "DE 0.1");
            assertThat(prices(db)).isEqualTo(stored);
            assertThat(proofs(db)).isEqualTo(storedProofs);

            // The same tariffs, in start order: a2 now takes the free seconds (0), a1 pays 120 s (0.20); b1 is unchanged.
            Rerating.Result same = new Rerating(db, OLD).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), false);
            assertThat(List.of(same.rerated(), same.changed())).containsExactly(3L, 2L);
            Map<String, String> now = prices(db);
            assertThat(now.get("a2")).startsWith("0 USD all v1 {\"allowance_id\":\"voice-60\",\"units\":60}");
            assertThat(now.get("a1")).startsWith("0.2 USD all v1 ");
            assertThat(now.get("a1")).doesNotContain("voice-60");
            assertThat(now.get("b1")).isEqualTo(stored.get("b1"));
            assertThat(now.get("a3")).isEqualTo(stored.get("a3"));
            assertThat(new Rerating(db, OLD).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), false).changed()).isZero();

            // The tariff change: version 2 from 1 March.
            Rerating.Result changed = new Rerating(db, NEW).run(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15), false);
            assertThat(List.of(changed.rerated(), changed.changed())).containsExactly(3L, 3L);
            assertThat(changed.before().get("USD")).isEqualByComparingTo("0.30");
            assertThat(changed.after().get("USD")).isEqualByComparingTo("0.60");
            now = prices(db);
            assertThat(now.get("a2")).startsWith("0 USD all v2 {\"allowance_id\":\"voice-60\",\"units\":60}");
            assertThat(now.get("a1")).startsWith("0.4 USD all v2 ");
            assertThat(now.get("b1")).startsWith("0.2 USD all v2 {\"allowance_id\":\"voice-60\",\"units\":60}");
            assertThat(now.get("a3")).isEqualTo(stored.get("a3")); // April was not re-rated
            Map<String, String> proofsNow = proofs(db);
            CostProof a1 = StoredProof.read(proofsNow.get("a1"), CdrType.VOICE, "all", 2, "USD");
            assertThat(a1.total()).isEqualByComparingTo("0.40");
            assertThat(a1.check()).isTrue();
            Rerating.Result again = new Rerating(db, NEW).run(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15), false);
            assertThat(List.of(again.rerated(), again.changed())).containsExactly(3L, 0L);
            assertThat(prices(db)).isEqualTo(now);
            assertThat(proofs(db)).isEqualTo(proofsNow);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRateRemovedLeavesTheCdrUnpricedAndPricingItAgainRestoresIt(Dialect dialect) throws Exception {
        // Only French numbers priced: B's call to Germany has no rate any more.
        Rate france = new Rate("fr", CdrType.VOICE, "33", null, BigDecimal.ZERO, new BigDecimal("0.10"), 60, 60, 60, null, null,
                Rounding.HALF_UP, 2, "USD");
        PlanVersion frOnly = new PlanVersion("p", 1, Instant.EPOCH, "USD", BigDecimal.ZERO, List.of(), Set.of(), List.of(france),
                List.of(new FreeAllowance("voice-60", CdrType.VOICE, 60, List.of())));
        Tariffs franceOnly = new Tariffs(Map.of("p", List.of(frOnly)), Map.of(), "p", ZoneOffset.UTC);
        try (StoreFixtures.TestStore store = StoreFixtures.fresh(dialect, dir); Database db = store.open()) {
            db.write(ratedRows(), ratedInArrivalOrder(OLD, List.of(A1, A2, B1)));
            Map<String, String> stored = prices(db);

            Rerating.Result removed = new Rerating(db, franceOnly).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), false);
            assertThat(List.of(removed.rerated(), removed.unpriced())).containsExactly(3L, 1L);
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT cost, currency, rate_id, plan_version, cost_proof FROM cdr WHERE id = 'b1'")) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= 5; i++) assertThat(rs.getObject(i)).as("column %d", i).isNull();
            }
            assertThat(removed.after().get("USD")).isEqualByComparingTo("0.20"); // a2 free, a1 120 s × 0.10

            Rerating.Result restored = new Rerating(db, OLD).run(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), false);
            assertThat(restored.unpriced()).isZero();
            assertThat(prices(db).get("b1")).isEqualTo(stored.get("b1"));
        }
    }
}
