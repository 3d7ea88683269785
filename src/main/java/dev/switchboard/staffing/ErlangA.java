package dev.switchboard.staffing;

/**
 * Erlang A (Palm's M/M/n+M): Erlang C plus callers who hang up, each after an exponential patience of mean
 * 1/θ, while they wait. Computed exactly on the birth-death chain of the number of calls in the system
 * (no special functions): the stationary law π, then, for a caller who arrives to find j calls ahead of
 * them in the queue, the chances and times of being answered on the pure-death chain of "calls ahead"
 * (FCFS: only calls ahead matter). The service-level tail P(answered within T) is taken by uniformization.
 * Formulas and the service-level definition in docs/STAFFING.md.
 */
public final class ErlangA {
    /** States of π beyond the mode whose weight is below e^-50 of it are left out (their total is below 1e-20). */
    private static final double LOG_NEGLIGIBLE = 50;
    private static final int MAX_STATES = 2_000_000;
    /** The Poisson weights of the uniformization are summed until less than this is left. */
    private static final double TAIL = 1e-13;

    private ErlangA() {}

    /**
     * The figures for a number of agents. Percentages are over all arriving calls.
     *
     * @param probWait     P(a caller finds every agent busy)
     * @param probAbandon  P(a caller hangs up before being answered)
     * @param serviceLevel P(answered and waited ≤ T): answered within T over all calls (abandons count against it)
     * @param asaSec       mean wait of the answered calls (those answered at once count 0); NaN when none is answered
     * @param occupancy    share of agent time on calls = λ·(1 − P(abandon))·AHT / n; 0 without agents
     */
    public record Outcome(int agents, double offeredLoad, double probWait, double probAbandon, double serviceLevel, double asaSec, double occupancy) {}

    /** θ, the abandonment rate of one waiting caller, from the mean patience; an infinite patience is 0 (Erlang C). */
    public static double abandonRate(double meanPatienceSec) {
        if (!(meanPatienceSec > 0)) throw new IllegalArgumentException("mean patience must be > 0 s, got " + meanPatienceSec);
        return 1 / meanPatienceSec;
    }

    public static Outcome outcome(Traffic traffic, double meanPatienceSec, int agents, double thresholdSec) {
        if (agents < 0) throw new IllegalArgumentException("agents must be >= 0, got " + agents);
        double theta = abandonRate(meanPatienceSec);
        double a = traffic.offeredLoad();
        if (traffic.arrivalsPerSec() == 0) return new Outcome(agents, a, 0, 0, 1, 0, 0);
        if (theta == 0) {
            ErlangC.Outcome c = ErlangC.outcome(traffic, agents, thresholdSec);
            return new Outcome(agents, a, c.probWait(), 0, c.serviceLevel(), c.asaSec(), c.occupancy());
        }
        if (agents == 0) return new Outcome(0, a, 1, 1, 0, Double.NaN, 0); // every caller waits until they hang up
        double[] pi = stationary(traffic.arrivalsPerSec(), traffic.serviceRate(), theta, agents);
        double served = agents * traffic.serviceRate(); // nμ
        double pWait = 0, pAbandon = 0, waitAnswered = 0;
        double answered = 1, meanWait = 0; // a_{j-1}, m_{j-1}: P(answered) and E[wait; answered] with j−1 ahead (a_{-1} = 1, m_{-1} = 0)
        for (int j = 0; agents + j < pi.length; j++) {
            double leave = served + j * theta + theta; // r_j: the line moves (nμ + jθ) or the caller hangs up (θ)
            double move = (served + j * theta) / leave;
            answered = move * answered;
            meanWait = answered / leave + move * meanWait;
            double p = pi[agents + j];
            pWait += p;
            pAbandon += p * (1 - answered);
            waitAnswered += p * meanWait;
        }
        double pAnsweredWithin = (1 - pWait) + answeredWithin(pi, agents, served, theta, thresholdSec);
        double occupancy = agents == 0 ? 0 : Math.min(1, a * (1 - pAbandon) / agents);
        return new Outcome(agents, a, pWait, pAbandon, Math.min(1, pAnsweredWithin), waitAnswered / (1 - pAbandon), occupancy);
    }

    /** The fewest agents whose service level (answered within T over all calls) reaches the target; 0 without calls. */
    public static int agentsNeeded(Traffic traffic, double meanPatienceSec, ServiceTarget target) {
        if (traffic.arrivalsPerSec() == 0) return 0;
        int low = 0, high = 1; // SL(low) < target ≤ SL(high), found by doubling, then halved (SL(0) = 0)
        while (belowTarget(traffic, meanPatienceSec, high, target)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (belowTarget(traffic, meanPatienceSec, mid, target)) low = mid;
            else high = mid;
        }
        return high;
    }

    /** A queue too long to compute (very patient callers, far too few agents) answers almost nobody within T: below any target. */
    private static boolean belowTarget(Traffic traffic, double meanPatienceSec, int agents, ServiceTarget target) {
        try {
            return outcome(traffic, meanPatienceSec, agents, target.thresholdSec()).serviceLevel() < target.level();
        } catch (QueueTooLongException e) {
            return true;
        }
    }

    /** The stationary law would need more than {@code MAX_STATES} states: callers so patient, and agents so few, that the queue runs away. */
    public static final class QueueTooLongException extends IllegalArgumentException {
        QueueTooLongException() {
            super("the queue is too long to compute (over " + MAX_STATES + " calls): patience too long for so few agents");
        }
    }

    /**
     * π_k, k calls in the system: π_k ∝ a^k/k! up to n, then π_k = π_{k−1}·λ/(nμ + (k−n)θ). Built in logs
     * (no overflow for hundreds of agents) and cut where the tail beyond the mode is negligible.
     */
    static double[] stationary(double lambda, double mu, double theta, int n) {
        double[] log = new double[Math.max(16, n + 16)];
        int size = 1;
        double max = 0;
        double logLambda = Math.log(lambda);
        for (int k = 1; ; k++) {
            double down = k <= n ? k * mu : n * mu + (k - n) * theta;
            double next = log[k - 1] + logLambda - Math.log(down);
            if (k > n && next < log[k - 1] && next < max - LOG_NEGLIGIBLE) break;
            if (k >= MAX_STATES) throw new QueueTooLongException();
            if (k == log.length) log = java.util.Arrays.copyOf(log, log.length * 2);
            log[k] = next;
            max = Math.max(max, next);
            size = k + 1;
        }
        double[] pi = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) sum += pi[k] = Math.exp(log[k] - max);
        for (int k = 0; k < size; k++) pi[k] /= sum;
        return pi;
    }

    /**
     * Σ_j π_{n+j}·P(answered within T | j ahead), on the chain "calls ahead" j → j−1 at rate nμ + jθ,
     * answered from 0 at rate nμ, hung up from any j at rate θ; uniformized at Λ = the largest exit rate.
     */
    private static double answeredWithin(double[] pi, int n, double served, double theta, double t) {
        int states = pi.length - n;
        if (states <= 0 || t == 0 || served == 0) return 0;
        double[] v = new double[states];
        System.arraycopy(pi, n, v, 0, states);
        double lambdaT = (served + states * theta) * t; // Λ = nμ + (K+1)θ ≥ every r_j, K = states − 1
        double uniform = served + states * theta;
        double answeredSoFar = 0, total = 0, weightSum = 0;
        double logWeight = -lambdaT; // log of the Poisson(ΛT) weight of m steps
        for (int m = 0; ; m++) {
            if (m > 0) logWeight += Math.log(lambdaT) - Math.log(m);
            double weight = Math.exp(logWeight);
            total += weight * answeredSoFar;
            weightSum += weight;
            if (m > lambdaT && 1 - weightSum < TAIL) break;
            if (m > 10_000_000) throw new IllegalStateException("uniformization did not converge");
            answeredSoFar += v[0] * served / uniform;
            for (int j = 0; j < states; j++) {
                double stay = 1 - (served + j * theta + theta) / uniform;
                double fromAbove = j + 1 < states ? v[j + 1] * (served + (j + 1) * theta) / uniform : 0;
                v[j] = v[j] * stay + fromAbove;
            }
        }
        return total + (1 - weightSum) * answeredSoFar;
    }
}
