package dev.switchboard.generate;

import java.util.Arrays;

/** How calls spread over the hours of the day, in the workload's zone: a relative weight per hour. */
public enum CallTimeMode {
    UNIFORM(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    /** Office traffic: a morning and an afternoon peak, a lunch dip, quiet nights. */
    BUSINESS_HOURS(0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.2, 0.5, 1.2, 2.5, 3, 3, 2.6, 2.6, 3, 3, 2.8, 2.4,
            1.4, 0.9, 0.7, 0.5, 0.3, 0.15),
    /** Private traffic after work, peaking around 20 h. */
    EVENING(0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.4,
            2.4, 3, 3.2, 2.8, 1.8, 0.8),
    /** Night owls and night-tariff traffic, concentrated between midnight and 6 h. */
    MIDNIGHT(3, 3, 3, 3, 3, 3, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
            0.1, 1, 1);

    private final double[] intensity = new double[24];

    CallTimeMode(double... weights) {
        if (weights.length != 24) throw new IllegalArgumentException("one weight per hour");
        double mean = Arrays.stream(weights).sum() / 24;
        for (int hour = 0; hour < 24; hour++) intensity[hour] = weights[hour] / mean;
    }

    /**
     * The call rate in this hour relative to the day's average rate; averages 1 over a day, so the
     * workload's mean gap between calls stays the daily mean whatever the profile.
     */
    public double intensity(int hour) {
        return intensity[hour];
    }
}
