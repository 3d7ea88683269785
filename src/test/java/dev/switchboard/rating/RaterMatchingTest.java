package dev.switchboard.rating;

import static dev.switchboard.rating.RatingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaterMatchingTest {
    /** World 1.00/min, France fixed 0.10, French mobiles 0.30, premium 0899 2.00, on-net 0.00 (all per started minute). */
    private final Rater destinations = raterOf(List.of(
            voice("world", "", "1.00", 60, 60, 60), voice("fr", "33", "0.10", 60, 60, 60), voice("fr-mobile", "336", "0.30", 60, 60, 60),
            voice("fr-premium", "33899", "2.00", 60, 60, 60), voice("on-net", "33140", "0.00", 60, 60, 60)), List.of());

    /** France priced by band: peak 0.20, off-peak 0.10, weekend/holiday 0.05, band-less fallback 0.50; mobiles band-less 0.30. */
    private final Rater banded = raterOf(List.of(
            withBand(voice("fr-peak", "33", "0.20", 60, 60, 60), "peak"), withBand(voice("fr-off", "33", "0.10", 60, 60, 60), "offpeak"),
            withBand(voice("fr-we", "33", "0.05", 60, 60, 60), "weekend"), voice("fr-any", "33", "0.50", 60, 60, 60),
            voice("fr-mobile", "336", "0.30", 60, 60, 60)), List.of());

    @Test
    void theLongestMatchingPrefixWins() {
        // one minute each: the rate of the longest prefix
        assertThat(rated(destinations, call("+4930000000", 60)).rateId()).isEqualTo("world");        // 1.00
        assertThat(rated(destinations, call("+33250000000", 60)).cost()).isEqualByComparingTo("0.10"); // fr
        assertThat(rated(destinations, call("+33612345678", 60)).cost()).isEqualByComparingTo("0.30"); // fr-mobile
        assertThat(rated(destinations, call("+33899123456", 60)).cost()).isEqualByComparingTo("2.00"); // fr-premium
        var onNet = rated(destinations, call("+33140000009", 60));
        assertThat(onNet.cost()).isEqualByComparingTo("0.00");
        assertThat(onNet.proof().matchedPrefix()).isEqualTo("33140");
    }

    @Test
    void aBandRateBeatsABandlessOneAtTheSamePrefixButNotALongerPrefix() {
        var peak = rated(banded, call("+33250000000", "2026-03-02T10:00", 60)); // Monday 10:00 -> peak 0.20
        assertThat(peak.rateId()).isEqualTo("fr-peak");
        assertThat(peak.cost()).isEqualByComparingTo("0.20");
        assertThat(rated(banded, call("+33612345678", "2026-03-02T10:00", 60)).rateId()).isEqualTo("fr-mobile"); // 336 is longer
    }

    @Test
    void weekdayWeekendAndHolidayArePricedApart() {
        assertThat(rated(banded, call("+33250000000", "2026-03-02T22:00", 60)).cost()).isEqualByComparingTo("0.10"); // Mon night
        var sat = rated(banded, call("+33250000000", "2026-03-07T10:00", 60)); // Saturday -> weekend 0.05
        assertThat(sat.cost()).isEqualByComparingTo("0.05");
        assertThat(sat.proof().dayKind()).isEqualTo(DayKind.WEEKEND);
        var hol = rated(banded, call("+33250000000", "2026-03-04T10:00", 60)); // Wednesday holiday -> weekend band 0.05
        assertThat(hol.proof().dayKind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(hol.rateId()).isEqualTo("fr-we");
    }

    @Test
    void aCallCrossingFromPeakToOffPeakIsPricedWhollyAtItsStartBand() {
        // Monday 19:59 for 120 s (ends 20:01): start band peak prices both minutes: 2 x 0.20 = 0.40 (not 0.20 + 0.10)
        var r = rated(banded, call("+33250000000", "2026-03-02T19:59", 120));
        assertThat(r.proof().band()).isEqualTo("peak");
        assertThat(r.cost()).isEqualByComparingTo("0.40");
    }

    @Test
    void thePlanVersionInForceAtTheStartTimePrices() {
        PlanVersion v1 = plan("basic", 1, JAN_1, List.of(perMinute("v1", "")), List.of());
        PlanVersion v2 = plan("basic", 2, local("2026-03-15T00:00"), List.of(voice("v2", "", "0.30", 60, 60, 60)), List.of());
        Rater rater = raterOf(v1, v2);
        var before = rated(rater, call("+33250000000", "2026-03-14T23:59", 60)); // v1: 0.60
        assertThat(before.planVersion()).isEqualTo(1);
        assertThat(before.cost()).isEqualByComparingTo("0.60");
        var after = rated(rater, call("+33250000000", "2026-03-16T10:00", 60)); // v2: 0.30
        assertThat(after.planVersion()).isEqualTo(2);
        assertThat(after.cost()).isEqualByComparingTo("0.30");
    }

    @Test
    void anAssignedSubscriberIsOnItsPlanEveryoneElseOnTheDefault() {
        PlanVersion basic = plan("basic", 1, JAN_1, List.of(perMinute("basic", "")), List.of());
        PlanVersion business = plan("business", 1, JAN_1, List.of(voice("biz", "", "0.30", 60, 60, 60)), List.of());
        Rater rater = new Rater(new Tariffs(Map.of("basic", List.of(basic), "business", List.of(business)),
                Map.of(CALLER, "business"), "basic", ZONE));
        assertThat(rated(rater, call("+33250000000", 60)).rateId()).isEqualTo("biz"); // CALLER is assigned
        Cdr other = new Cdr("o", "+33140000077", "+33250000000", local("2026-03-02T10:00"), 60, CdrType.VOICE, CdrResult.ANSWERED, "op");
        assertThat(rated(rater, other).rateId()).isEqualTo("basic");
    }

    @Test
    void noVersionOrNoMatchingRateIsNoRate() {
        Rater rater = raterOf(plan("basic", 1, local("2026-03-01T00:00"), List.of(perMinute("fr", "33")), List.of()));
        assertThat(rater.rate(call("+33250000000", "2026-02-28T10:00", 60), FreeUnits.FRESH))
                .isInstanceOfSatisfying(RatingResult.NoRate.class, n -> assertThat(n.detail()).contains("no version"));
        assertThat(rater.rate(call("+4930000000", 60), FreeUnits.FRESH))
                .isInstanceOfSatisfying(RatingResult.NoRate.class, n -> assertThat(n.detail()).contains("no VOICE rate", "+4930000000"));
        assertThat(rater.rate(text("+33250000000"), FreeUnits.FRESH)).isInstanceOf(RatingResult.NoRate.class); // no SMS rate
    }

    @Test
    void unansweredAndZeroSecondCallsCostNothingWithTheirMatchedRate() {
        Rater rater = raterOf(List.of(withLimits(withFee(perMinute("fr", "33"), "0.10"), "0.50", null)), List.of());
        for (CdrResult result : List.of(CdrResult.BUSY, CdrResult.NO_ANSWER, CdrResult.FAILED)) {
            var r = rated(rater, new Cdr("u", CALLER, "+33250000000", local("2026-03-02T10:00"), 0, CdrType.VOICE, result, "op"));
            assertThat(r.cost()).isEqualByComparingTo("0"); // no fee, no minimum
            assertThat(r.rateId()).isEqualTo("fr");
        }
        assertThat(rated(rater, call("+33250000000", 0)).cost()).isEqualByComparingTo("0");
        // unanswered to a destination no rate covers: still 0, with no rate
        var none = rated(rater, new Cdr("u", CALLER, "+4930000000", local("2026-03-02T10:00"), 0, CdrType.VOICE, CdrResult.BUSY, "op"));
        assertThat(none.rateId()).isNull();
    }

    @Test
    void taxIsExactOnANetAmount() {
        // 20 % of 1.23 = 0.246
        assertThat(Rater.taxOn(eur("1.23"), plan("basic", 1, JAN_1, List.of(), List.of()))).isEqualByComparingTo("0.246");
    }
}
