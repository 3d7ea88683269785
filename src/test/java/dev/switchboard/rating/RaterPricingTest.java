package dev.switchboard.rating;

import static dev.switchboard.rating.RatingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.rating.CostProof.Increment;
import dev.switchboard.platform.Json;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaterPricingTest {
    private static final String FR = "+33140000002";

    private static BigDecimal cost(Rate rate, int durationSec) {
        return rated(raterOf(List.of(rate), List.of()), call(FR, durationSec)).cost();
    }

    @Test
    void perMinuteRateBillsEveryStartedMinute() {
        // 0.60/60 s, 60/60: 61 s -> 120 s billed = 2 x 0.60 = 1.20
        var r = rated(raterOf(List.of(perMinute("m", "")), List.of()), call(FR, 61));
        assertThat(r.cost()).isEqualByComparingTo("1.20");
        assertThat(r.proof().billedSeconds()).isEqualTo(120);
        // two equal increments in a row are one run of two
        assertThat(r.proof().increments()).extracting(Increment::fromSec, Increment::seconds, Increment::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 60L, 2L));
        // 60 s exactly -> 60 s billed = 0.60
        assertThat(cost(perMinute("m", ""), 60)).isEqualByComparingTo("0.60");
    }

    @Test
    void firstMinuteAsOneBlockThenPerSecond() {
        Rate rate = voice("b", "", "0.60", 60, 60, 1);
        // 61 s -> 61 s billed: block 60 s = 0.60, then 1 s = 0.60 x 1/60 = 0.01 -> 0.61
        var r = rated(raterOf(List.of(rate), List.of()), call(FR, 61));
        assertThat(r.cost()).isEqualByComparingTo("0.61");
        assertThat(r.proof().billedSeconds()).isEqualTo(61);
        assertThat(r.proof().increments()).hasSize(2);
        // 10 s -> the whole first block, 60 s billed = 0.60
        assertThat(cost(rate, 10)).isEqualByComparingTo("0.60");
    }

    @Test
    void anHourBilledPerSecondIsTwoRunsInTheProof() {
        Rate rate = voice("b", "", "0.60", 60, 60, 1);
        // 3600 s: block 60 s = 0.60, then 3540 × (0.60 × 1/60 = 0.01) = 35.40 -> 36.00
        var r = rated(raterOf(List.of(rate), List.of()), call(FR, 3600));
        assertThat(r.cost()).isEqualByComparingTo("36.00");
        assertThat(r.proof().increments()).extracting(Increment::fromSec, Increment::seconds, Increment::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 60L, 1L), org.assertj.core.groups.Tuple.tuple(60L, 1L, 3540L));
    }

    @Test
    void perSecondFromTheStartWithNoFirstBlock() {
        // 0.60/60 s, 0/1: 7 s -> 7 s billed = 0.60 x 7/60 = 0.07
        assertThat(cost(voice("s", "", "0.60", 60, 0, 1), 7)).isEqualByComparingTo("0.07");
    }

    @Test
    void connectionFeeIsAddedToTheIncrements() {
        // 30 s -> 60 s billed = 0.60, + 0.10 fee = 0.70
        var r = rated(raterOf(List.of(withFee(perMinute("f", ""), "0.10")), List.of()), call(FR, 30));
        assertThat(r.cost()).isEqualByComparingTo("0.70");
        assertThat(r.proof().connectionFee()).isEqualByComparingTo("0.10");
        assertThat(r.proof().sumBeforeClamp()).isEqualByComparingTo("0.70");
    }

    @Test
    void minimumCostRaisesACheapCall() {
        // per second 0.60/60: 10 s = 0.10, below the 0.50 minimum -> 0.50
        var r = rated(raterOf(List.of(withLimits(voice("min", "", "0.60", 60, 0, 1), "0.50", null)), List.of()), call(FR, 10));
        assertThat(r.cost()).isEqualByComparingTo("0.50");
        assertThat(r.proof().clamp()).isEqualTo(CostProof.Clamp.MIN);
        assertThat(r.proof().sumBeforeClamp()).isEqualByComparingTo("0.10");
    }

    @Test
    void maximumCostCapsALongCall() {
        // 600 s -> 10 minutes x 0.60 = 6.00, above the 2.00 maximum -> 2.00
        var r = rated(raterOf(List.of(withLimits(perMinute("max", ""), null, "2.00")), List.of()), call(FR, 600));
        assertThat(r.cost()).isEqualByComparingTo("2.00");
        assertThat(r.proof().clamp()).isEqualTo(CostProof.Clamp.MAX);
        assertThat(r.proof().sumBeforeClamp()).isEqualByComparingTo("6.00");
    }

    @Test
    void everyRoundingModeToTwoDecimals() {
        Rate perSec = voice("r", "", "0.0125", 1, 0, 1); // 0.0125 per second
        // 13 s = 0.1625: UP 0.17, HALF_UP 0.16, DOWN 0.16, NONE 0.1625
        assertThat(cost(withRounding(perSec, Rounding.UP, 2), 13)).isEqualByComparingTo("0.17");
        assertThat(cost(withRounding(perSec, Rounding.HALF_UP, 2), 13)).isEqualByComparingTo("0.16");
        assertThat(cost(withRounding(perSec, Rounding.DOWN, 2), 13)).isEqualByComparingTo("0.16");
        assertThat(cost(withRounding(perSec, Rounding.NONE, 2), 13)).isEqualByComparingTo("0.1625");
        // 10 s = 0.125: HALF_UP 0.13, DOWN 0.12, UP 0.13
        assertThat(cost(withRounding(perSec, Rounding.HALF_UP, 2), 10)).isEqualByComparingTo("0.13");
        assertThat(cost(withRounding(perSec, Rounding.DOWN, 2), 10)).isEqualByComparingTo("0.12");
        assertThat(cost(withRounding(perSec, Rounding.UP, 2), 10)).isEqualByComparingTo("0.13");
        // to 0 decimals: 0.1625 UP -> 1
        assertThat(cost(withRounding(perSec, Rounding.UP, 0), 13)).isEqualByComparingTo("1");
    }

    @Test
    void noRoundingKeepsANonTerminatingSixtiethAtTenDecimals() {
        // 1.00 per 60 s, 60/1: 61 s -> block 1.00 + 1 s = 1/60 = 0.01666... kept as 0.0166666667 -> 1.0166666667
        var r = rated(raterOf(List.of(voice("n", "", "1.00", 60, 60, 1)), List.of()), call(FR, 61));
        assertThat(r.cost()).isEqualByComparingTo("1.0166666667");
        assertThat(r.proof().inexactDivision()).isTrue();
        // the same with HALF_UP to 2 decimals -> 1.02
        assertThat(cost(withRounding(voice("n", "", "1.00", 60, 60, 1), Rounding.HALF_UP, 2), 61)).isEqualByComparingTo("1.02");
    }

    @Test
    void smsIsOneUnitAtThePricePerMessage() {
        // one message x 0.09 = 0.09
        var r = rated(raterOf(List.of(sms("sms", "", "0.09"), perMinute("v", "")), List.of()), text(FR));
        assertThat(r.cost()).isEqualByComparingTo("0.09");
        assertThat(r.rateId()).isEqualTo("sms");
        assertThat(r.proof().billedSeconds()).isEqualTo(1);
    }

    @Test
    void proofIsSnakeCaseJsonWithItsCheck() {
        var r = rated(raterOf(List.of(withFee(perMinute("f", "33"), "0.10")), List.of()), call(FR, 30));
        String json = Json.write(r.proof());
        assertThat(json).contains("\"plan_id\":\"basic\"", "\"matched_prefix\":\"33\"", "\"from_sec\":0", "\"sum_before_clamp\"",
                "\"amount_before_rounding\"", "\"local_start\":\"2026-03-02T10:00:00\"", "\"check\":true", "\"band\":\"peak\"");
    }

    @Test
    void aProofWhoseTotalIsNotTheSumOfItsPartsFailsItsCheck() throws Exception {
        var r = rated(raterOf(List.of(withFee(perMinute("f", ""), "0.10")), List.of()), call(FR, 61)); // 1.20 + 0.10 = 1.30
        CostProof p = r.proof();
        CostProof tampered = new CostProof(p.planId(), p.planVersion(), p.type(), p.rateId(), p.matchedPrefix(), p.band(), p.dayKind(),
                p.localStart(), p.billedSeconds(), p.freeUnitsUsed(), p.pricePerUnit(), p.unitSec(), p.increments(), p.inexactDivision(),
                p.connectionFee(), p.sumBeforeClamp(), p.minCost(), p.maxCost(), p.clamp(), p.amountBeforeRounding(), p.rounding(),
                p.decimals(), new BigDecimal("1.31"), p.currency());
        assertThat(tampered.check()).isFalse();
        CostProof back = Json.MAPPER.readValue(Json.write(p), CostProof.class);
        assertThat(back.check()).isTrue();
        assertThat(back.total()).isEqualByComparingTo("1.30");
    }
}
