package dev.switchboard.staffing;

import java.time.Instant;

/**
 * What table {@code call} holds for one coming 30-minute interval, summed over the past weeks that saw the same
 * local weekday and time ({@code weeks} of them are covered by the history), and the inputs that follow from it.
 *
 * @param queued          calls queued in those windows (answered and abandoned)
 * @param talkedCalls     answered calls with a talk time, {@code talkSec} their total
 * @param waitSec         total wait of every call, answered and abandoned: the time exposed to hanging up
 * @param agentWeeks      Σ over the covered weeks of the distinct agents who answered a call in the window
 */
public record IntervalHistory(Instant start, int weeks, long queued, long answered, long abandoned, long talkedCalls, long talkSec, long waitSec,
        long agentWeeks) {
    public static final int INTERVAL_SEC = 1800;

    public Instant end() {
        return start.plusSeconds(INTERVAL_SEC);
    }

    /** Calls per interval: the mean over the covered weeks; null when no week is covered. */
    public Double callsPerInterval() {
        return weeks == 0 ? null : (double) queued / weeks;
    }

    /** Average handle time: Σ talk_sec / answered calls with a talk time; null without one. */
    public Double ahtSec() {
        return talkedCalls == 0 ? null : (double) talkSec / talkedCalls;
    }

    /**
     * Mean patience 1/θ̂, θ̂ = abandoned / Σ wait (the exponential MLE with answered waits as censored observations);
     * infinite when nobody hung up but calls waited, null when no call waited at all (nothing to estimate from).
     */
    public Double meanPatienceSec() {
        if (waitSec == 0) return null;
        return abandoned == 0 ? Double.POSITIVE_INFINITY : (double) waitSec / abandoned;
    }

    /** Agents on shift as measured: the mean over the covered weeks of the distinct agents who answered; null when no week is covered. */
    public Double agentsSeen() {
        return weeks == 0 ? null : (double) agentWeeks / weeks;
    }
}
