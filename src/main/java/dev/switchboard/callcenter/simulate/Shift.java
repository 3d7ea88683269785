package dev.switchboard.callcenter.simulate;

import java.time.LocalTime;
import java.util.Objects;

/**
 * {@code agents} agents answer {@code queue} every day from {@code start} to {@code end}, local time;
 * a shift with end before start runs past midnight, one with end equal to start runs around the clock.
 * An agent busy at the end of the shift finishes the call, then leaves.
 */
public record Shift(String queue, LocalTime start, LocalTime end, int agents) {
    public Shift {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (agents < 0) throw new IllegalArgumentException("agents must not be negative: " + agents);
    }

    /** Whether the shift is on at a local time of day. */
    public boolean covers(LocalTime t) {
        if (aroundTheClock()) return true;
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    public boolean aroundTheClock() {
        return start.equals(end);
    }

    public static Shift of(String queue, String start, String end, int agents) {
        return new Shift(queue, LocalTime.parse(start), LocalTime.parse(end), agents);
    }
}
