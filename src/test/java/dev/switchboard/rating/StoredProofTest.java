package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredProofTest {
    private static final SubscriberBase BASE = SubscriberBase.create("US", 40, 11);
    private static final Tariffs EXAMPLE = ExampleTariffs.forSubscribers(BASE.subscribers().stream().map(Subscriber::number).toList());

    private static CostProof roundTrip(CostProof p) {
        return StoredProof.read(StoredProof.write(p), p.type(), p.rateId(), p.planVersion(), p.currency());
    }

    @Test
    void everyProofOfTheExampleTariffsComesBackWholeFromAQuarterOfTheText() throws Exception {
        CdrWorkload w = CdrWorkload.defaults().toBuilder().count(5_000).seed(5).errorRate(0).duplicateRate(0).build();
        Rater rater = new Rater(EXAMPLE);
        FreeUnits left = FreeUnits.FRESH;
        long full = 0, stored = 0, rated = 0, withFree = 0, withClamp = 0, free = 0;
        for (Iterator<String> it = new CdrGenerator(w, BASE).lines(CdrFormat.CDR_JSON); it.hasNext(); ) {
            Cdr cdr = Json.MAPPER.readValue(it.next(), Cdr.class);
            if (!(rater.rate(cdr, left) instanceof RatingResult.Rated r)) continue;
            left = rater.balanceAfter(left, r);
            CostProof back = roundTrip(r.proof());
            // the same proof, down to each decimal's scale
            assertThat(Json.write(back)).isEqualTo(Json.write(r.proof()));
            assertThat(back).isEqualTo(r.proof());
            assertThat(back.check()).isTrue();
            full += Json.write(r.proof()).length();
            stored += StoredProof.write(r.proof()).length();
            rated++;
            if (!r.proof().freeUnitsUsed().isEmpty()) withFree++;
            if (r.proof().clamp() != CostProof.Clamp.NONE) withClamp++;
            if (r.proof().increments().isEmpty()) free++;
        }
        assertThat(rated).isGreaterThan(4_000);
        assertThat(withFree).as("proofs with free units").isPositive();
        assertThat(free).as("proofs with nothing paid").isPositive();
        assertThat(stored * 10).as("stored %d chars against %d", stored, full).isLessThan(full * 4);
        System.out.printf("stored proof: %d rated CDRs, %.0f chars each against %.0f (full), %d with free units, %d clamped%n",
                rated, (double) stored / rated, (double) full / rated, withFree, withClamp);
    }

    @Test
    void clampsInexactDivisionsAndNoRoundingComeBackExactly() {
        // 0.07 per 7 s billed per second: 0.01 a second; a minimum of 0.50 and no rounding; a connection fee
        Rate odd = new Rate("odd", CdrType.VOICE, "33", null, new BigDecimal("0.013"), new BigDecimal("0.10"), 7, 1, 1,
                new BigDecimal("0.50"), new BigDecimal("2"), Rounding.NONE, 0, "EUR");
        Rate third = new Rate("third", CdrType.VOICE, "49", null, BigDecimal.ZERO, new BigDecimal("1"), 3, 1, 1, null, null,
                Rounding.NONE, 0, "EUR");
        PlanVersion v = new PlanVersion("p", 3, Instant.EPOCH, "EUR", BigDecimal.ZERO, List.of(), java.util.Set.of(), List.of(odd, third), List.of());
        Rater rater = new Rater(new Tariffs(Map.of("p", List.of(v)), Map.of(), "p", java.time.ZoneOffset.UTC));
        for (String to : List.of("+33198765432", "+4915187654321")) {
            for (int seconds : List.of(1, 5, 59, 1_000)) {
                Cdr cdr = new Cdr("x", "+33612345678", to, Instant.parse("2026-03-02T10:00:00Z"), seconds, CdrType.VOICE, CdrResult.ANSWERED, null);
                CostProof p = ((RatingResult.Rated) rater.rate(cdr, FreeUnits.FRESH)).proof();
                assertThat(roundTrip(p)).as("%s %d s", to, seconds).isEqualTo(p);
            }
        }
        Cdr third1000 = new Cdr("x", "+33612345678", "+4915187654321", Instant.parse("2026-03-02T10:00:00Z"), 1_000, CdrType.VOICE,
                CdrResult.ANSWERED, null);
        CostProof p = ((RatingResult.Rated) rater.rate(third1000, FreeUnits.FRESH)).proof();
        assertThat(p.inexactDivision()).isTrue();
        assertThat(p.total().scale()).isGreaterThan(6); // more than column cost keeps: the stored proof has it exactly
        assertThat(roundTrip(p).total()).isEqualTo(p.total());
    }

    @Test
    void aFullProofObjectStoredByEarlierVersionsIsStillRead() {
        Cdr cdr = new Cdr("x", BASE.subscribers().get(0).number(), "+12125550123", Instant.parse("2026-03-02T15:00:00Z"), 95,
                CdrType.VOICE, CdrResult.ANSWERED, null);
        CostProof p = ((RatingResult.Rated) new Rater(EXAMPLE).rate(cdr, FreeUnits.FRESH)).proof();
        assertThat(StoredProof.read(Json.write(p), CdrType.SMS, "ignored", 99, "ignored")).isEqualTo(p);
        assertThat(StoredProof.billedAndFree(Json.write(p))).containsExactly(p.billedSeconds(),
                p.freeUnitsUsed().stream().mapToLong(CostProof.FreeUse::units).sum());
    }

    @Test
    void billingReadsBilledSecondsAndFreeUnitsFromEitherForm() {
        assertThat(StoredProof.billedAndFree("{\"billed_seconds\":120,\"free_units_used\":[{\"allowance_id\":\"a\",\"units\":60},"
                + "{\"allowance_id\":\"b\",\"units\":5}]}")).containsExactly(120L, 65L);
        Cdr cdr = new Cdr("x", BASE.subscribers().get(0).number(), "+12125550123", Instant.parse("2026-03-02T15:00:00Z"), 95,
                CdrType.VOICE, CdrResult.ANSWERED, null);
        CostProof p = ((RatingResult.Rated) new Rater(EXAMPLE).rate(cdr, FreeUnits.FRESH)).proof();
        assertThat(StoredProof.billedAndFree(StoredProof.write(p))).containsExactly(p.billedSeconds(),
                p.freeUnitsUsed().stream().mapToLong(CostProof.FreeUse::units).sum());
    }

    @Test
    void somethingElseIsAClearError() {
        assertThatThrownBy(() -> StoredProof.read("[2,\"p\"]", CdrType.VOICE, "r", 1, "EUR")).hasMessageContaining("layout 2");
        assertThatThrownBy(() -> StoredProof.read("[1,\"p\",\"33\"", CdrType.VOICE, "r", 1, "EUR"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored cost proof");
        assertThatThrownBy(() -> StoredProof.read("not json", CdrType.VOICE, "r", 1, "EUR"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
