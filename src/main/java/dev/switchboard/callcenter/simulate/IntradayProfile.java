package dev.switchboard.callcenter.simulate;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * Relative arrival rate by local hour, for weekdays and for weekends: 1.0 is the peak, where calls
 * arrive at {@link CallCenterConfig#peakCallsPerHour()}. The rate is constant within an hour.
 */
public record IntradayProfile(String name, double[] weekday, double[] weekend) {
    /**
     * A consumer call center: almost nothing at night, a morning peak 10–12, a lunch dip, a second peak
     * 14–16, a slow evening; weekends at about 40 % of weekdays, peaking late morning.
     */
    public static final IntradayProfile CALL_CENTER = new IntradayProfile("call_center",
            new double[] {0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.45, 0.75, 1.00, 1.00,
                    0.75, 0.80, 0.95, 0.95, 0.80, 0.60, 0.40, 0.28, 0.18, 0.10, 0.06, 0.03},
            new double[] {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.30, 0.40, 0.40,
                    0.35, 0.32, 0.32, 0.30, 0.26, 0.20, 0.15, 0.11, 0.08, 0.05, 0.03, 0.02});

    /** The peak rate around the clock, every day. */
    public static final IntradayProfile FLAT = new IntradayProfile("flat", filled(1.0), filled(1.0));

    public IntradayProfile {
        weekday = check(weekday, "weekday");
        weekend = check(weekend, "weekend");
        double max = Math.max(Arrays.stream(weekday).max().orElse(0), Arrays.stream(weekend).max().orElse(0));
        if (max != 1.0) throw new IllegalArgumentException("the highest rate of a profile must be 1.0, not " + max);
    }

    /** Relative rate, in [0, 1], at a local time. */
    public double rate(LocalDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        double[] hours = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekend : weekday;
        return hours[local.getHour()];
    }

    @Override
    public double[] weekday() {
        return weekday.clone();
    }

    @Override
    public double[] weekend() {
        return weekend.clone();
    }

    @Override
    public String toString() {
        return "IntradayProfile[" + name + "]";
    }

    private static double[] check(double[] hours, String what) {
        if (hours.length != 24) throw new IllegalArgumentException(what + " needs 24 hourly rates");
        for (double r : hours)
            if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException(what + " rates must be in [0, 1]: " + r);
        return hours.clone();
    }

    private static double[] filled(double value) {
        double[] hours = new double[24];
        Arrays.fill(hours, value);
        return hours;
    }
}
