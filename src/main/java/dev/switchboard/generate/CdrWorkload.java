package dev.switchboard.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to generate: how many records, from which seed, with which mix of traffic, defects and timing.
 *
 * @param count         records to produce, errors and duplicates included
 * @param errorRate     share of records made invalid, each for one {@link dev.switchboard.cdr.CdrReason}
 * @param duplicateRate share of records that repeat an earlier valid record byte for byte
 * @param smsShare      share of SMS among new records (the rest is voice)
 * @param internationalShare share of calls to foreign numbers
 * @param businessShare share of calls to business numbers of the home region (the rest is subscriber to subscriber)
 * @param meanGapSec    mean time between consecutive call starts across the whole base, averaged over a day
 * @param start         start of the first call
 * @param zone          the zone in which {@code callTimeMode}'s hours are read
 */
public record CdrWorkload(
        long count, long seed, double errorRate, double duplicateRate,
        double smsShare, double internationalShare, double businessShare,
        CallTimeMode callTimeMode, GapDistribution gap, double meanGapSec, Instant start, ZoneId zone,
        VoiceOutcomes voiceOutcomes, TalkTime talkTime) {

    /** Fixed rather than "now" so that a seed alone reproduces the output. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-06T00:00:00Z");

    public CdrWorkload {
        if (count < 0) throw new IllegalArgumentException("count must be >= 0: " + count);
        requireRate("errorRate", errorRate);
        requireRate("duplicateRate", duplicateRate);
        requireRate("smsShare", smsShare);
        requireRate("internationalShare", internationalShare);
        requireRate("businessShare", businessShare);
        requireRate("errorRate + duplicateRate", errorRate + duplicateRate);
        requireRate("internationalShare + businessShare", internationalShare + businessShare);
        if (!(meanGapSec > 0 && meanGapSec < 1e9))
            throw new IllegalArgumentException("meanGapSec must be > 0: " + meanGapSec);
        Objects.requireNonNull(callTimeMode, "callTimeMode");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(voiceOutcomes, "voiceOutcomes");
        Objects.requireNonNull(talkTime, "talkTime");
    }

    /** Zone UTC rather than the system zone for the same reason as the fixed start; callers pass {@code --zone}. */
    public static CdrWorkload defaults() {
        return new CdrWorkload(1000, 42, 0.02, 0.01, 0.25, 0.08, 0.15,
                CallTimeMode.BUSINESS_HOURS, GapDistribution.EXPONENTIAL, 2.0, DEFAULT_START, ZoneOffset.UTC,
                VoiceOutcomes.defaults(), TalkTime.defaults());
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }

    public static final class Builder {
        private long count, seed;
        private double errorRate, duplicateRate, smsShare, internationalShare, businessShare, meanGapSec;
        private CallTimeMode callTimeMode;
        private GapDistribution gap;
        private Instant start;
        private ZoneId zone;
        private VoiceOutcomes voiceOutcomes;
        private TalkTime talkTime;

        private Builder(CdrWorkload w) {
            count = w.count; seed = w.seed; errorRate = w.errorRate; duplicateRate = w.duplicateRate;
            smsShare = w.smsShare; internationalShare = w.internationalShare; businessShare = w.businessShare;
            callTimeMode = w.callTimeMode; gap = w.gap; meanGapSec = w.meanGapSec; start = w.start; zone = w.zone;
            voiceOutcomes = w.voiceOutcomes; talkTime = w.talkTime;
        }

        public Builder count(long v) { count = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder errorRate(double v) { errorRate = v; return this; }
        public Builder duplicateRate(double v) { duplicateRate = v; return this; }
        public Builder smsShare(double v) { smsShare = v; return this; }
        public Builder internationalShare(double v) { internationalShare = v; return this; }
        public Builder businessShare(double v) { businessShare = v; return this; }
        public Builder callTimeMode(CallTimeMode v) { callTimeMode = v; return this; }
        public Builder gap(GapDistribution v, double meanSec) { gap = v; meanGapSec = meanSec; return this; }
        public Builder start(Instant v) { start = v; return this; }
        public Builder zone(ZoneId v) { zone = v; return this; }
        public Builder voiceOutcomes(VoiceOutcomes v) { voiceOutcomes = v; return this; }
        public Builder talkTime(TalkTime v) { talkTime = v; return this; }

        public CdrWorkload build() {
            return new CdrWorkload(count, seed, errorRate, duplicateRate, smsShare, internationalShare, businessShare,
                    callTimeMode, gap, meanGapSec, start, zone, voiceOutcomes, talkTime);
        }
    }
}
