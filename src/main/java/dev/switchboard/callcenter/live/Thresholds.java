package dev.switchboard.callcenter.live;

/**
 * The two thresholds the service-level figures depend on, fixed when a call is counted and kept with
 * each day, so a day's figures always say which thresholds they were counted with.
 *
 * @param serviceLevelSec a call answered (or abandoned) after waiting at most this long is within service level
 * @param shortAbandonSec a call abandoned after waiting less than this is a short abandon
 */
public record Thresholds(int serviceLevelSec, int shortAbandonSec) {
    public static final Thresholds DEFAULT = new Thresholds(20, 5);

    public Thresholds {
        if (serviceLevelSec < 0 || shortAbandonSec < 0) throw new IllegalArgumentException("thresholds must not be negative");
    }
}
