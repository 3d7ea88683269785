package dev.switchboard.callcenter.simulate;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a simulated call center is: its time zone, seed, traffic (peak calls per hour shaped by an
 * intraday profile, routed to queues by share), staffing (shifts per queue), handling time and caller
 * patience, and the share of calls that come from someone who called recently (repeat callers).
 */
public record CallCenterConfig(
        ZoneId zone,
        long seed,
        double peakCallsPerHour,
        IntradayProfile profile,
        List<QueueShare> queues,
        List<Shift> shifts,
        Seconds handling,
        Seconds patience,
        double repeatCallerShare) {

    public CallCenterConfig {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(patience, "patience");
        queues = List.copyOf(queues);
        shifts = List.copyOf(shifts);
        if (!(peakCallsPerHour > 0 && Double.isFinite(peakCallsPerHour)))
            throw new IllegalArgumentException("peakCallsPerHour must be > 0: " + peakCallsPerHour);
        if (queues.isEmpty()) throw new IllegalArgumentException("a call center needs at least one queue");
        double sum = queues.stream().mapToDouble(QueueShare::share).sum();
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("queue shares must sum to 1, not " + sum);
        Set<String> names = new HashSet<>();
        for (QueueShare q : queues)
            if (!names.add(q.name())) throw new IllegalArgumentException("queue named twice: " + q.name());
        for (Shift s : shifts)
            if (!names.contains(s.queue())) throw new IllegalArgumentException("shift for unknown queue: " + s.queue());
        if (!(repeatCallerShare >= 0 && repeatCallerShare < 1))
            throw new IllegalArgumentException("repeatCallerShare must be in [0, 1): " + repeatCallerShare);
    }

    /**
     * A mid-size consumer call center: 240 calls an hour at the weekday peak (about 2 500 a weekday)
     * over sales, support and billing; handling log-normal with mean 4 min (sd 3 min); patience
     * exponential with mean 3 min; early (07–15), mid (10–18), late (14–22) and thin night shifts per
     * queue, 33 agents in all. Busy hours run at 80–95 % occupancy, so some callers wait and 6–14 % hang
     * up (about 6 % over a weekday; see docs/CALL-SIMULATOR.md); quiet hours barely queue.
     */
    public static CallCenterConfig defaults(ZoneId zone, long seed) {
        return new CallCenterConfig(zone, seed, 240, IntradayProfile.CALL_CENTER,
                List.of(new QueueShare("sales", 0.3), new QueueShare("support", 0.5), new QueueShare("billing", 0.2)),
                List.of(Shift.of("sales", "07:00", "15:00", 4), Shift.of("sales", "10:00", "18:00", 2),
                        Shift.of("sales", "14:00", "22:00", 3), Shift.of("sales", "22:00", "07:00", 1),
                        Shift.of("support", "07:00", "15:00", 7), Shift.of("support", "10:00", "18:00", 3),
                        Shift.of("support", "14:00", "22:00", 5), Shift.of("support", "22:00", "07:00", 2),
                        Shift.of("billing", "07:00", "15:00", 3), Shift.of("billing", "10:00", "18:00", 2),
                        Shift.of("billing", "14:00", "22:00", 2), Shift.of("billing", "22:00", "07:00", 1)),
                new Seconds.LogNormal(240, 180), new Seconds.Exponential(180), 0.2);
    }

    public CallCenterConfig withSeed(long seed) {
        return new CallCenterConfig(zone, seed, peakCallsPerHour, profile, queues, shifts, handling, patience, repeatCallerShare);
    }

    public CallCenterConfig withTraffic(double peakCallsPerHour, IntradayProfile profile) {
        return new CallCenterConfig(zone, seed, peakCallsPerHour, profile, queues, shifts, handling, patience, repeatCallerShare);
    }

    public CallCenterConfig withShifts(List<Shift> shifts) {
        return new CallCenterConfig(zone, seed, peakCallsPerHour, profile, queues, shifts, handling, patience, repeatCallerShare);
    }

    public CallCenterConfig withDurations(Seconds handling, Seconds patience) {
        return new CallCenterConfig(zone, seed, peakCallsPerHour, profile, queues, shifts, handling, patience, repeatCallerShare);
    }

    public CallCenterConfig withRepeatCallerShare(double share) {
        return new CallCenterConfig(zone, seed, peakCallsPerHour, profile, queues, shifts, handling, patience, share);
    }

    /** Every queue staffed by the same number of agents around the clock. */
    public CallCenterConfig withAgentsAroundTheClock(int agentsPerQueue) {
        return withShifts(queues.stream().map(q -> Shift.of(q.name(), "00:00", "00:00", agentsPerQueue)).toList());
    }
}
