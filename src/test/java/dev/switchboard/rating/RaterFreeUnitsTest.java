package dev.switchboard.rating;

import static dev.switchboard.rating.RatingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.CdrType;
import dev.switchboard.rating.CostProof.Increment;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RaterFreeUnitsTest {
    private static final String FR = "+33140000002";
    private static final String UK = "+442070000000";
    private static final FreeAllowance VOICE_100 = new FreeAllowance("voice-100", CdrType.VOICE, 100, List.of());
    /** 0.60 per started minute plus a 0.10 connection fee. */
    private final Rater rater = raterOf(List.of(withFee(perMinute("m", ""), "0.10"), sms("sms", "", "0.09")),
            List.of(VOICE_100, new FreeAllowance("sms-10", CdrType.SMS, 10, List.of())));

    @Test
    void freeUnitsFullyCoverACallWhichThenCostsNothingNotEvenTheFee() {
        // 50 s -> 60 s billed, 100 free left -> 60 free, nothing paid: 0
        var r = rated(rater, call(FR, 50), FreeUnits.FRESH);
        assertThat(r.cost()).isEqualByComparingTo("0");
        assertThat(r.used()).isEqualTo(FreeUnits.of("voice-100", 60));
        assertThat(rater.balanceAfter(FreeUnits.FRESH, r)).isEqualTo(FreeUnits.of("voice-100", 40));
    }

    @Test
    void aCallCrossingTheFreeLimitPaysOnlyTheRest() {
        // 130 s -> 180 s billed; 100 free -> paid [100,120) = 20 s = 0.20 and [120,180) = 60 s = 0.60, + fee 0.10 = 0.90
        var r = rated(rater, call(FR, 130), FreeUnits.FRESH);
        assertThat(r.cost()).isEqualByComparingTo("0.90");
        assertThat(r.used()).isEqualTo(FreeUnits.of("voice-100", 100));
        assertThat(r.proof().increments()).extracting(Increment::fromSec, Increment::seconds, Increment::amount)
                .containsExactly(Tuple.tuple(100L, 20L, new java.math.BigDecimal("0.20")), Tuple.tuple(120L, 60L, new java.math.BigDecimal("0.60")));
        assertThat(rater.balanceAfter(FreeUnits.FRESH, r)).isEqualTo(FreeUnits.of("voice-100", 0));
    }

    @Test
    void anExhaustedAllowancePaysInFull() {
        // 30 s -> 60 s billed, 0 free left -> 0.60 + 0.10 = 0.70
        var r = rated(rater, call(FR, 30), FreeUnits.of("voice-100", 0));
        assertThat(r.cost()).isEqualByComparingTo("0.70");
        assertThat(r.used().isEmpty()).isTrue();
    }

    @Test
    void smsAllowanceCoversMessagesUntilItRunsOut() {
        var free = rated(rater, text(FR), FreeUnits.of("sms-10", 1)); // 1 left -> free
        assertThat(free.cost()).isEqualByComparingTo("0");
        assertThat(free.used()).isEqualTo(FreeUnits.of("sms-10", 1));
        var paid = rated(rater, text(FR), FreeUnits.of("sms-10", 0)); // none left -> 0.09
        assertThat(paid.cost()).isEqualByComparingTo("0.09");
    }

    @Test
    void anAllowanceLimitedToPrefixesOnlyCoversThoseDestinations() {
        Rater national = raterOf(List.of(perMinute("m", "")),
                List.of(new FreeAllowance("national", CdrType.VOICE, 3600, List.of("33"))));
        // to France: 60 s billed, all free -> 0
        assertThat(rated(national, call(FR, 60), FreeUnits.FRESH).cost()).isEqualByComparingTo("0");
        // to the UK: not covered -> 60 s = 0.60
        var uk = rated(national, call(UK, 60), FreeUnits.FRESH);
        assertThat(uk.cost()).isEqualByComparingTo("0.60");
        assertThat(uk.used().isEmpty()).isTrue();
    }

    @Test
    void unansweredCallsUseNoFreeUnits() {
        var r = rated(rater, new dev.switchboard.cdr.Cdr("b", CALLER, FR, local("2026-03-02T10:00"), 0, CdrType.VOICE,
                dev.switchboard.cdr.CdrResult.BUSY, "op"), FreeUnits.FRESH);
        assertThat(r.used().isEmpty()).isTrue();
    }
}
