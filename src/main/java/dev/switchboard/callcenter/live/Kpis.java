package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The standard figures of a bucket or a day.
 *
 * @param asaSec               average speed of answer: answered waits / answered
 * @param ahtSec               average handle time: talk time of ended calls / ended (talk only: the events carry no hold or wrap-up)
 * @param abandonmentRate      abandoned / offered
 * @param abandonmentRateExcludingShort (abandoned − short abandons) / (offered − short abandons)
 * @param serviceLevels        every {@link ServiceLevel} definition, labelled
 */
public record Kpis(
        @JsonProperty("threshold_sec") int thresholdSec,
        @JsonProperty("short_abandon_sec") int shortAbandonSec,
        @JsonProperty("asa_sec") Double asaSec,
        @JsonProperty("aht_sec") Double ahtSec,
        @JsonProperty("abandonment_rate") Double abandonmentRate,
        @JsonProperty("abandonment_rate_excluding_short") Double abandonmentRateExcludingShort,
        @JsonProperty("service_levels") List<Figure> serviceLevels) {

    /** One service-level figure with the definition it was computed by. */
    public record Figure(String definition, String label, String formula, Double value) {}

    public static Kpis of(Tally t, Thresholds th, List<ServiceLevel> definitions) {
        List<Figure> figures = definitions.stream().map(d -> new Figure(d.id(), d.label(), d.formula(), d.of(t))).toList();
        return new Kpis(th.serviceLevelSec(), th.shortAbandonSec(),
                Ratio.of(t.answeredWaitSec(), t.answered()),
                Ratio.of(t.talkSec(), t.ended()),
                Ratio.of(t.abandoned(), t.offered()),
                Ratio.of(t.abandoned() - t.shortAbandons(), t.offered() - t.shortAbandons()),
                figures);
    }
}
