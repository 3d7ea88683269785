package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sliding window on a clock moved by hand. */
class RateMeterTest {
    final AtomicLong nanos = new AtomicLong(-7_000_000_000L); // nanoTime may be negative
    final RateMeter meter = new RateMeter(5, nanos::get);

    void run(double perSecond, double seconds) {
        long step = (long) (1e9 / perSecond);
        for (long t = 0; t < seconds * 1e9; t += step) {
            meter.add();
            nanos.addAndGet(step);
        }
    }

    @Test
    void aSteadyRateIsReadBackOverTheWindowAndRightAfterARestart() {
        assertThat(meter.perSecond()).isZero();
        meter.restart();
        run(40, 1);
        assertThat(meter.perSecond()).isCloseTo(40, within(1.0)); // one second in: divided by that second, not by the window
        run(40, 9);
        assertThat(meter.perSecond()).isCloseTo(40, within(1.0));
    }

    @Test
    void aChangeOfRateShowsWithinTheWindowAndSilenceEmptiesIt() {
        meter.restart();
        run(100, 6);
        run(10, 5);
        assertThat(meter.perSecond()).isCloseTo(10, within(0.5));
        nanos.addAndGet(2_500_000_000L);
        assertThat(meter.perSecond()).isCloseTo(5, within(0.5)); // half the window quiet
        nanos.addAndGet(3_000_000_000L);
        assertThat(meter.perSecond()).isZero();
    }
}
