package dev.switchboard.staffing;

/**
 * Erlang C (M/M/n, callers wait as long as it takes): the probability of waiting, the service level, the
 * average speed of answer and occupancy for n agents, and the fewest agents that reach a target. Formulas
 * in docs/STAFFING.md. The probability of waiting goes through the Erlang B recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), C = n·B / (n − a·(1 − B)): no powers or factorials, so it
 * stays exact to double precision for thousands of agents.
 */
public final class ErlangC {
    private ErlangC() {}

    /**
     * The figures for a number of agents. When n ≤ a the queue grows without bound: probability of waiting 1,
     * service level 0, ASA infinite, occupancy 1 ({@link #stable()} false).
     *
     * @param serviceLevel P(wait ≤ T) = 1 − C·e^{−(nμ − λ)T}; every caller is answered, so it is also answered within T over all calls
     * @param asaSec       mean wait of all calls (those answered at once count 0) = C / (nμ − λ)
     * @param occupancy    share of agent time spent on calls = a / n
     */
    public record Outcome(int agents, double offeredLoad, double probWait, double serviceLevel, double asaSec, double occupancy) {
        public boolean stable() {
            return Double.isFinite(asaSec);
        }
    }

    /** Erlang B, the blocking probability of n servers offered a erlangs (M/M/n/n), by the stable recursion. */
    public static double erlangB(double a, int n) {
        if (n < 0) throw new IllegalArgumentException("agents must be >= 0, got " + n);
        double b = 1;
        for (int k = 1; k <= n; k++) b = a * b / (k + a * b);
        return b;
    }

    /** Erlang C, the probability that a caller waits; 1 when n ≤ a. */
    public static double probWait(double a, int n) {
        if (n <= a) return 1;
        double b = erlangB(a, n);
        return n * b / (n - a * (1 - b));
    }

    public static Outcome outcome(Traffic traffic, int agents, double thresholdSec) {
        double a = traffic.offeredLoad();
        if (agents < 0) throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        if (traffic.arrivalsPerSec() == 0) return new Outcome(agents, 0, 0, 1, 0, 0); // no calls: nobody waits
        if (agents <= a) return new Outcome(agents, a, 1, 0, Double.POSITIVE_INFINITY, agents == 0 ? 1 : Math.min(1, a / agents));
        double c = probWait(a, agents);
        double drain = agents * traffic.serviceRate() - traffic.arrivalsPerSec(); // nμ − λ, per second
        return new Outcome(agents, a, c, 1 - c * Math.exp(-drain * thresholdSec), c / drain, a / agents);
    }

    /** The fewest agents n > a with P(wait ≤ T) ≥ target; 0 when no calls are offered. */
    public static int agentsNeeded(Traffic traffic, ServiceTarget target) {
        if (traffic.arrivalsPerSec() == 0) return 0;
        int n = (int) Math.floor(traffic.offeredLoad()) + 1;
        while (outcome(traffic, n, target.thresholdSec()).serviceLevel() < target.level()) n++;
        return n;
    }
}
