package dev.switchboard.staffing;

/**
 * One coming interval: what was measured, the agents each model needs to reach the target, and what each
 * model expects from {@code agents} on shift. Fields are null where there is nothing to compute from (no
 * history, no answered call to time, no wait to estimate patience from), with {@code note} saying why.
 *
 * @param agentsMeasured true when {@code agents} is the measured estimate, false when the caller gave it
 */
public record IntervalForecast(IntervalHistory measured, Integer agents, boolean agentsMeasured, Integer neededErlangC, Integer neededErlangA,
        ErlangC.Outcome erlangC, ErlangA.Outcome erlangA, String note) {}
