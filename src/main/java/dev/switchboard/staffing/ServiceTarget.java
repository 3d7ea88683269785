package dev.switchboard.staffing;

/** A service-level goal: a share {@code level} of calls answered within {@code thresholdSec} (80/20 is 0.8 within 20 s). */
public record ServiceTarget(double level, double thresholdSec) {
    public ServiceTarget {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("target service level must be above 0 and below 1, got " + level);
        if (!(thresholdSec >= 0) || !Double.isFinite(thresholdSec)) throw new IllegalArgumentException("target threshold must be >= 0 s, got " + thresholdSec);
    }
}
