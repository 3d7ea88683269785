package dev.switchboard.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings of the live CDR generator, the ones that can change while it runs. Names are the JSON
 * ones (snake_case), and so are the field names in validation messages.
 *
 * @param recordsPerSecond   the average rate over a day; the call-time mode shapes it hour by hour and
 *                           the gap distribution draws the time between two records around it (mean gap
 *                           = 1 / rate)
 * @param smsShare           the type distribution: share of SMS among new records, the rest is VOICE
 * @param errorRate          share of records made invalid, duplicateRate of exact repeats, as in {@link CdrWorkload}
 * @param internationalShare share of calls to foreign numbers
 * @param businessShare      share of calls to the business directory
 * @param callTimeMode       how the rate varies with the hour of the day in the process's zone
 * @param gap                the law of the time between two consecutive records
 */
public record LiveWorkload(
        @JsonProperty("records_per_second") double recordsPerSecond,
        @JsonProperty("sms_share") double smsShare,
        @JsonProperty("error_rate") double errorRate,
        @JsonProperty("duplicate_rate") double duplicateRate,
        @JsonProperty("international_share") double internationalShare,
        @JsonProperty("business_share") double businessShare,
        @JsonProperty("call_time_mode") CallTimeMode callTimeMode,
        @JsonProperty("gap_distribution") GapDistribution gap) {

    /** One record every 100 s at the least, so that a change is seen within minutes. */
    public static final double MIN_RATE = 0.01;
    /**
     * The end-to-end throughput measured on the 2-core reference machine (docs/BENCHMARKS.md: about
     * 20,000 CDRs/s file → SQL). Above it the pipeline only builds a backlog; at the busiest hour of a
     * call-time mode (up to 3.5 × the average) even this rate is over what the pipeline keeps up with.
     */
    public static final double MAX_RATE = 20_000;

    public LiveWorkload {
        if (!(recordsPerSecond >= MIN_RATE && recordsPerSecond <= MAX_RATE))
            throw new IllegalArgumentException("records_per_second must be from " + MIN_RATE + " to " + (long) MAX_RATE + ": " + recordsPerSecond);
        // The rules of CdrWorkload, under the names of this API.
        CdrWorkload.requireRate("sms_share", smsShare);
        CdrWorkload.requireRate("error_rate", errorRate);
        CdrWorkload.requireRate("duplicate_rate", duplicateRate);
        CdrWorkload.requireRate("international_share", internationalShare);
        CdrWorkload.requireRate("business_share", businessShare);
        CdrWorkload.requireRate("error_rate + duplicate_rate", errorRate + duplicateRate);
        CdrWorkload.requireRate("international_share + business_share", internationalShare + businessShare);
        Objects.requireNonNull(callTimeMode, "call_time_mode");
        Objects.requireNonNull(gap, "gap_distribution");
    }

    /**
     * What {@code demo} has always run: {@link CdrWorkload}'s traffic mix with 3 % errors and 1 %
     * repeats, as many records in every hour ({@link CallTimeMode#UNIFORM}), Poisson arrivals.
     */
    public static LiveWorkload defaults(double recordsPerSecond) {
        CdrWorkload w = CdrWorkload.defaults();
        return new LiveWorkload(recordsPerSecond, w.smsShare(), 0.03, 0.01, w.internationalShare(), w.businessShare(),
                CallTimeMode.UNIFORM, GapDistribution.EXPONENTIAL);
    }

    /** The batch workload that makes these records: the mean gap is one over the rate; count and start do not apply live. */
    CdrWorkload workload(long seed, ZoneId zone) {
        return CdrWorkload.defaults().toBuilder().seed(seed).zone(zone)
                .errorRate(errorRate).duplicateRate(duplicateRate).smsShare(smsShare)
                .internationalShare(internationalShare).businessShare(businessShare)
                .callTimeMode(callTimeMode).gap(gap, 1 / recordsPerSecond).build();
    }

    /** The rate this hour: the daily average times the call-time mode's weight of the hour. */
    public double rateAtHour(int hour) {
        return recordsPerSecond * callTimeMode.intensity(hour);
    }
}
