package dev.switchboard.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The start times of successive calls across the base. Each gap is drawn in "average-rate" time and
 * then spent hour by hour at that hour's relative call rate: a busy hour uses up gaps quickly (many
 * starts), a quiet hour slowly (few starts). The hour-of-day histogram thus follows the profile,
 * while a whole day still holds one start per mean gap.
 */
final class StartClock {
    private final ContinuousSampler gap;
    private final CallTimeMode mode;
    private final ZoneId zone;
    private double now;
    private double hourEnd = Double.NEGATIVE_INFINITY;
    private double intensity;

    StartClock(ContinuousSampler gap, CallTimeMode mode, ZoneId zone, Instant start) {
        this.gap = gap;
        this.mode = mode;
        this.zone = zone;
        this.now = start.getEpochSecond() + start.getNano() / 1e9;
    }

    /** The next start, to the second as switches record it; the first is the workload's start. */
    Instant next() {
        return Instant.ofEpochSecond((long) Math.floor(nextEpochSeconds()));
    }

    /** The next start to the fraction of a second, in seconds since the epoch: a live generator's send times. */
    double nextEpochSeconds() {
        double start = now;
        advance(gap.sample());
        return start;
    }

    private void advance(double averageRateSeconds) {
        double left = averageRateSeconds;
        while (true) {
            if (now >= hourEnd) enterHour();
            double hourCapacity = (hourEnd - now) * intensity;
            if (left < hourCapacity) {
                now += left / intensity;
                return;
            }
            left -= hourCapacity;
            now = hourEnd;
        }
    }

    /** Looked up once per hour, not per call: zone rules are too slow for the record loop. */
    private void enterHour() {
        ZonedDateTime local = Instant.ofEpochSecond((long) Math.floor(now)).atZone(zone);
        intensity = mode.intensity(local.getHour());
        long end = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toEpochSecond();
        hourEnd = Math.max(end, Math.floor(now) + 1);
    }
}
