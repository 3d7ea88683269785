package dev.switchboard.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangATest {
    private static final Traffic LOAD_10 = Traffic.perInterval(100, 1800, 180); // a = 10 erlangs

    /** θ → 0: nobody hangs up, and Erlang A is Erlang C. */
    @Test
    void withAlmostInfinitePatienceItIsErlangC() {
        for (int n : new int[] {11, 12, 14, 20}) {
            ErlangC.Outcome c = ErlangC.outcome(LOAD_10, n, 20);
            ErlangA.Outcome a = ErlangA.outcome(LOAD_10, 1e9, n, 20);
            assertThat(a.probWait()).as("P(wait), n=" + n).isCloseTo(c.probWait(), within(1e-5));
            assertThat(a.probAbandon()).isLessThan(1e-5);
            assertThat(a.serviceLevel()).as("SL, n=" + n).isCloseTo(c.serviceLevel(), within(1e-5));
            assertThat(a.asaSec()).as("ASA, n=" + n).isCloseTo(c.asaSec(), within(1e-3));
            ErlangA.Outcome exact = ErlangA.outcome(LOAD_10, Double.POSITIVE_INFINITY, n, 20);
            assertThat(exact.probWait()).isEqualTo(c.probWait());
        }
        assertThat(ErlangA.agentsNeeded(LOAD_10, 1e9, new ServiceTarget(0.8, 20))).isEqualTo(14);
    }

    /**
     * θ = μ: a waiting caller leaves at the rate a busy agent finishes, so the number in the system is that of
     * M/M/∞, Poisson(a). Then P(wait) = P(N ≥ n) and P(abandon) = θ·E[queue]/λ = E[(N − n)⁺]/a.
     */
    @Test
    void withPatienceEqualToHandleTimeTheCallsInSystemArePoisson() {
        double a = 10;
        for (int n : new int[] {0, 1, 5, 10, 15}) {
            ErlangA.Outcome o = ErlangA.outcome(LOAD_10, 180, n, 20);
            double atLeastN = 0, excess = 0, p = Math.exp(-a);
            for (int k = 0; k < 200; k++) {
                if (k >= n) {
                    atLeastN += p;
                    excess += (k - n) * p;
                }
                p *= a / (k + 1);
            }
            assertThat(o.probWait()).as("P(wait), n=" + n).isCloseTo(atLeastN, within(1e-12));
            assertThat(o.probAbandon()).as("P(abandon), n=" + n).isCloseTo(excess / a, within(1e-12));
        }
    }

    /**
     * M/M/1+M with θ = μ, worked by hand: a = 0.5, N ~ Poisson(0.5): P(wait) = 1 − e^−0.5 = 0.393469,
     * P(abandon) = (a − 1 + e^−a)/a = 0.213061; answered = 1 − 0.213061, occupancy = a·answered/1 = 0.393469
     * (= P(agent busy) = P(N ≥ 1), as it must be).
     */
    @Test
    void singleAgentWorkedByHand() {
        ErlangA.Outcome o = ErlangA.outcome(new Traffic(1.0 / 120, 60), 60, 1, 20);
        assertThat(o.probWait()).isCloseTo(0.393469, within(1e-6));
        assertThat(o.probAbandon()).isCloseTo(0.213061, within(1e-6));
        assertThat(o.occupancy()).isCloseTo(0.393469, within(1e-6));
    }

    /** Without agents every caller hangs up; without calls nobody waits. */
    @Test
    void edgesAreWhatTheyMean() {
        ErlangA.Outcome none = ErlangA.outcome(LOAD_10, 180, 0, 20);
        assertThat(none.probAbandon()).isCloseTo(1, within(1e-12));
        assertThat(none.serviceLevel()).isZero();
        assertThat(ErlangA.outcome(new Traffic(0, 180), 180, 3, 20).serviceLevel()).isEqualTo(1);
        assertThat(ErlangA.agentsNeeded(new Traffic(0, 180), 180, new ServiceTarget(0.8, 20))).isZero();
    }

    /** The abandonment that follows from the answered chances equals Little's law on the queue, θ·E[Lq]/λ. */
    @Test
    void abandonmentAgreesWithLittlesLaw() {
        int n = 9;
        double theta = 1.0 / 120;
        double[] pi = ErlangA.stationary(LOAD_10.arrivalsPerSec(), LOAD_10.serviceRate(), theta, n);
        double queue = 0;
        for (int k = n; k < pi.length; k++) queue += (k - n) * pi[k];
        assertThat(ErlangA.outcome(LOAD_10, 120, n, 20).probAbandon()).isCloseTo(theta * queue / LOAD_10.arrivalsPerSec(), within(1e-12));
    }

    /** Agents needed is the first n reaching the target: one fewer misses it. Works for hundreds of agents. */
    @Test
    void agentsNeededIsTheSmallestThatReachesTheTarget() {
        ServiceTarget target = new ServiceTarget(0.8, 20);
        for (Traffic t : new Traffic[] {LOAD_10, new Traffic(2, 240)}) {
            int n = ErlangA.agentsNeeded(t, 180, target);
            assertThat(ErlangA.outcome(t, 180, n, 20).serviceLevel()).isGreaterThanOrEqualTo(0.8);
            assertThat(ErlangA.outcome(t, 180, n - 1, 20).serviceLevel()).isLessThan(0.8);
            assertThat(n).isLessThanOrEqualTo(ErlangC.agentsNeeded(t, target));
        }
    }

    /**
     * Against a discrete-event simulation of M/M/n+M (FCFS, exponential handle time and patience; seed 7,
     * 1 000 000 calls after a warm-up of 50 000): with a = 10 erlangs, AHT 180 s, mean patience 120 s, T = 20 s and n = 9, 10, 12 agents, the
     * simulated shares are within 0.004 of the formulas and the ASA within 3 % (four other seeds at 2 000 000
     * calls were within 0.001 and 1.3 %; successive waits are correlated, so the error is larger than for independent draws).
     */
    @Test
    void agreesWithASimulation() {
        for (int n : new int[] {9, 10, 12}) {
            ErlangA.Outcome o = ErlangA.outcome(LOAD_10, 120, n, 20);
            QueueSimulation.Result s = QueueSimulation.run(LOAD_10, 120, n, 20, 1_000_000, 7);
            assertThat(s.probWait()).as("P(wait), n=" + n).isCloseTo(o.probWait(), within(0.004));
            assertThat(s.probAbandon()).as("P(abandon), n=" + n).isCloseTo(o.probAbandon(), within(0.004));
            assertThat(s.serviceLevel()).as("SL, n=" + n).isCloseTo(o.serviceLevel(), within(0.004));
            assertThat(s.asaSec()).as("ASA, n=" + n).isCloseTo(o.asaSec(), within(0.03 * o.asaSec()));
        }
    }
}
