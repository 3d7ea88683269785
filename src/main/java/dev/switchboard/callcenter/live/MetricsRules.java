package dev.switchboard.callcenter.live;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the live metrics count.
 *
 * @param maxWait       a call still in the queue this long after it was queued is taken as lost (expired):
 *                      its answer or abandon never came (a PBX restart, a truncated log)
 * @param trailing      length of the trailing window for the average wait
 * @param retentionDays how many local days of buckets and summaries are kept live
 */
public record MetricsRules(ZoneId zone, Thresholds thresholds, Duration maxWait, Duration trailing, int retentionDays) {
    public static final Duration TRAILING = Duration.ofMinutes(10);

    public MetricsRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(thresholds, "thresholds");
        if (maxWait.isNegative() || maxWait.isZero()) throw new IllegalArgumentException("max wait must be positive");
        if (retentionDays < 1) throw new IllegalArgumentException("retention must be at least a day");
    }

    public static MetricsRules of(ZoneId zone, Thresholds thresholds) {
        return new MetricsRules(zone, thresholds, Duration.ofHours(2), TRAILING, 35);
    }

    public DayGrid grid() {
        return new DayGrid(zone);
    }
}
