package dev.switchboard.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {
    /**
     * Published example: pyworkforce 0.1.0 README (https://pypi.org/project/pyworkforce/0.1.0/), ErlangC(transactions=100,
     * aht=3, interval=30) → 'raw_positions': 14, 'service_level': 0.8883500191794669 (asa 20 s), 'occupancy':
     * 0.7142857142857143, 'waiting_probability': 0.1741319335950498; the CRAN package ErlangC 0.1.0 README
     * (https://stat.ethz.ch/CRAN/web/packages/ErlangC/readme/README.html) prints the same case with 14 agents:
     * traffic_intensity 10, wait_probability 0.1741319, service_level 0.88835, average_speed_of_answer 7.83593701177724 s.
     */
    @Test
    void matchesThePublished100CallsPerHalfHourExample() {
        Traffic traffic = Traffic.perInterval(100, 1800, 180);
        ErlangC.Outcome o = ErlangC.outcome(traffic, 14, 20);
        assertThat(o.offeredLoad()).isCloseTo(10, within(1e-12));
        assertThat(o.probWait()).isCloseTo(0.1741319335950498, within(1e-12));
        assertThat(o.serviceLevel()).isCloseTo(0.8883500191794669, within(1e-12));
        assertThat(o.asaSec()).isCloseTo(7.83593701177724, within(1e-9));
        assertThat(o.occupancy()).isCloseTo(0.7142857142857143, within(1e-12));
        assertThat(ErlangC.agentsNeeded(traffic, new ServiceTarget(0.8, 20))).isEqualTo(14);
    }

    /**
     * Published example: turbotab README (https://pypi.org/project/turbotab/): "staffing required --sla 0.80
     * --service-time 20 --contacts-per-interval 25 --aht 180" over a 600 s interval → productive_agents 11.
     */
    @Test
    void matchesThePublishedTurbotabStaffingExample() {
        assertThat(ErlangC.agentsNeeded(Traffic.perInterval(25, 600, 180), new ServiceTarget(0.8, 20))).isEqualTo(11);
    }

    /** M/M/1 worked by hand: λ = 1/120 /s, AHT 60 s, ρ = 0.5: C = ρ = 0.5, ASA = ρ/(μ − λ) = 60 s, SL(20) = 1 − 0.5·e^(−20/120). */
    @Test
    void singleAgentIsTheMM1Queue() {
        ErlangC.Outcome o = ErlangC.outcome(new Traffic(1.0 / 120, 60), 1, 20);
        assertThat(o.probWait()).isCloseTo(0.5, within(1e-15));
        assertThat(o.asaSec()).isCloseTo(60, within(1e-12));
        assertThat(o.serviceLevel()).isCloseTo(1 - 0.5 * Math.exp(-20.0 / 120), within(1e-15));
        assertThat(o.occupancy()).isCloseTo(0.5, within(1e-15));
    }

    /** Hundreds of agents: the recursion agrees with the textbook sum computed in logs, where a^n/n! alone would overflow. */
    @Test
    void staysExactForHundredsOfAgents() {
        double a = 480;
        int n = 500;
        assertThat(Math.pow(a, n)).isInfinite();
        assertThat(ErlangC.probWait(a, n)).isCloseTo(textbookErlangC(a, n), within(1e-12));
        int needed = ErlangC.agentsNeeded(new Traffic(2, 240), new ServiceTarget(0.8, 20));
        assertThat(needed).isGreaterThan(480);
        assertThat(ErlangC.outcome(new Traffic(2, 240), needed, 20).serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.outcome(new Traffic(2, 240), needed - 1, 20).serviceLevel()).isLessThan(0.8);
    }

    @Test
    void tooFewAgentsNeverCatchUp() {
        ErlangC.Outcome o = ErlangC.outcome(Traffic.perInterval(100, 1800, 180), 10, 20);
        assertThat(o.stable()).isFalse();
        assertThat(o.probWait()).isEqualTo(1);
        assertThat(o.serviceLevel()).isZero();
        assertThat(ErlangC.agentsNeeded(new Traffic(0, 180), new ServiceTarget(0.8, 20))).isZero();
    }

    /** C = (a^n/n!·n/(n−a)) / (Σ_{k<n} a^k/k! + a^n/n!·n/(n−a)), every term scaled by the largest in logs. */
    private static double textbookErlangC(double a, int n) {
        double[] logTerms = new double[n + 1];
        for (int k = 0; k < n; k++) logTerms[k] = k * Math.log(a) - logFactorial(k);
        logTerms[n] = n * Math.log(a) - logFactorial(n) + Math.log(n / (n - a));
        double max = java.util.Arrays.stream(logTerms).max().orElseThrow();
        double sum = 0;
        for (double t : logTerms) sum += Math.exp(t - max);
        return Math.exp(logTerms[n] - max) / sum;
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) s += Math.log(i);
        return s;
    }
}
