package dev.switchboard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shared rating data. The zone is Europe/Paris (UTC+1 in early March 2026); 2026-03-02 is a Monday,
 * 2026-03-07 a Saturday, and 2026-03-04 (a Wednesday) is a holiday in the calendar.
 */
final class RatingFixtures {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String CALLER = "+33140000001";
    static final LocalDate HOLIDAY = LocalDate.parse("2026-03-04");
    static final Instant JAN_1 = LocalDateTime.parse("2026-01-01T00:00").atZone(ZONE).toInstant();

    static final TimeBand PEAK = new TimeBand("peak", Set.of(DayKind.WEEKDAY), 8 * 60, 20 * 60);
    static final TimeBand OFF_PEAK = new TimeBand("offpeak", Set.of(DayKind.WEEKDAY), 20 * 60, 8 * 60);
    static final TimeBand WEEKEND = new TimeBand("weekend", Set.of(DayKind.WEEKEND, DayKind.HOLIDAY), 0, 1440);
    static final List<TimeBand> BANDS = List.of(PEAK, OFF_PEAK, WEEKEND);

    private RatingFixtures() {}

    /** A local time in the fixtures' zone, e.g. "2026-03-02T10:00". */
    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    /** A voice rate: no band, no fee, no min/max, no rounding. */
    static Rate voice(String id, String prefix, String price, int unitSec, int first, int inc) {
        return new Rate(id, CdrType.VOICE, prefix, null, BigDecimal.ZERO, eur(price), unitSec, first, inc, null, null, Rounding.NONE, 2, "EUR");
    }

    /** 0.60 per minute, billed per started minute (60/60). */
    static Rate perMinute(String id, String prefix) {
        return voice(id, prefix, "0.60", 60, 60, 60);
    }

    static Rate sms(String id, String prefix, String price) {
        return new Rate(id, CdrType.SMS, prefix, null, BigDecimal.ZERO, eur(price), 1, 0, 1, null, null, Rounding.NONE, 2, "EUR");
    }

    static Rate withBand(Rate r, String band) {
        return new Rate(r.id(), r.type(), r.prefix(), band, r.connectionFee(), r.pricePerUnit(), r.unitSec(), r.firstIncrementSec(),
                r.incrementSec(), r.minCost(), r.maxCost(), r.rounding(), r.decimals(), r.currency());
    }

    static Rate withFee(Rate r, String fee) {
        return new Rate(r.id(), r.type(), r.prefix(), r.band(), eur(fee), r.pricePerUnit(), r.unitSec(), r.firstIncrementSec(),
                r.incrementSec(), r.minCost(), r.maxCost(), r.rounding(), r.decimals(), r.currency());
    }

    static Rate withLimits(Rate r, String min, String max) {
        return new Rate(r.id(), r.type(), r.prefix(), r.band(), r.connectionFee(), r.pricePerUnit(), r.unitSec(), r.firstIncrementSec(),
                r.incrementSec(), min == null ? null : eur(min), max == null ? null : eur(max), r.rounding(), r.decimals(), r.currency());
    }

    static Rate withRounding(Rate r, Rounding rounding, int decimals) {
        return new Rate(r.id(), r.type(), r.prefix(), r.band(), r.connectionFee(), r.pricePerUnit(), r.unitSec(), r.firstIncrementSec(),
                r.incrementSec(), r.minCost(), r.maxCost(), rounding, decimals, r.currency());
    }

    static PlanVersion plan(String id, int version, Instant from, List<Rate> rates, List<FreeAllowance> allowances) {
        return new PlanVersion(id, version, from, "EUR", eur("0.20"), BANDS, Set.of(HOLIDAY), rates, allowances);
    }

    /** One plan "basic" for everyone, one version from 2026-01-01. */
    static Rater raterOf(List<Rate> rates, List<FreeAllowance> allowances) {
        return raterOf(plan("basic", 1, JAN_1, rates, allowances));
    }

    static Rater raterOf(PlanVersion... versions) {
        return new Rater(new Tariffs(Map.of("basic", List.of(versions)), Map.of(), "basic", ZONE));
    }

    static Cdr call(String called, String localStart, int durationSec) {
        return new Cdr("c-" + called + "-" + localStart, CALLER, called, local(localStart), durationSec, CdrType.VOICE, CdrResult.ANSWERED, "op");
    }

    /** A call on Monday 2026-03-02 at 10:00 local (peak). */
    static Cdr call(String called, int durationSec) {
        return call(called, "2026-03-02T10:00", durationSec);
    }

    static Cdr text(String called) {
        return new Cdr("s-" + called, CALLER, called, local("2026-03-02T10:00"), null, CdrType.SMS, CdrResult.ANSWERED, "op");
    }

    /** Rates and asserts the CDR was priced with a proof that checks out. */
    static RatingResult.Rated rated(Rater rater, Cdr cdr, FreeUnits left) {
        RatingResult r = rater.rate(cdr, left);
        assertThat(r).isInstanceOf(RatingResult.Rated.class);
        RatingResult.Rated rated = (RatingResult.Rated) r;
        assertThat(rated.proof().check()).as("proof check of %s", rated.proof()).isTrue();
        assertThat(rated.cost()).isEqualByComparingTo(rated.proof().total());
        return rated;
    }

    static RatingResult.Rated rated(Rater rater, Cdr cdr) {
        return rated(rater, cdr, FreeUnits.FRESH);
    }
}
