package dev.switchboard.callcenter.simulate;

import static dev.switchboard.callcenter.simulate.CallCenterFixtures.MONDAY;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.flat;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.simulation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.callcenter.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveCallFeedTest {
    /** A wall clock that moves only when the feed sleeps. */
    static final class FakeClock implements InstantSource, LiveCallFeed.Sleeper {
        Instant now = MONDAY;
        final List<Duration> naps = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            naps.add(d);
            now = now.plus(d);
        }
    }

    record Delivery(CallEvent event, Instant wall, int batch) {}

    @ParameterizedTest
    @ValueSource(doubles = {1, 10})
    void handsEachEventOverWhenSimulatedTimeReachesItAndNotBefore(double speed) {
        FakeClock clock = new FakeClock();
        LiveCallFeed feed = LiveCallFeed.of(simulation(flat(600, 3, 1)), speed, clock, clock);
        List<Delivery> delivered = new ArrayList<>();
        int[] batches = {0};
        feed.runBatches(batch -> {
            batches[0]++;
            for (CallEvent e : batch) delivered.add(new Delivery(e, clock.instant(), batches[0]));
            if (delivered.size() >= 300) feed.close();
        });
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(300);
        List<CallEvent> expected = simulation(flat(600, 3, 1)).stream(MONDAY).limit(delivered.size()).toList();
        assertThat(delivered.stream().map(Delivery::event).toList()).isEqualTo(expected);
        for (Delivery d : delivered) {
            Instant due = MONDAY.plusNanos((long) Math.ceil(Duration.between(MONDAY, d.event().time()).toNanos() / speed));
            assertThat(d.wall()).as("not before it is due").isAfterOrEqualTo(due);
            assertThat(Duration.between(due, d.wall())).as("late by at most a millisecond").isLessThanOrEqualTo(Duration.ofMillis(1));
        }
        Duration simulated = Duration.between(MONDAY, delivered.get(delivered.size() - 1).event().time());
        Duration wall = Duration.between(MONDAY, clock.instant());
        assertThat(wall.toMillis()).isCloseTo((long) (simulated.toMillis() / speed), org.assertj.core.api.Assertions.within(2L));
        assertThat(clock.naps).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LiveCallFeed.MAX_NAP).isPositive());
        assertThat(batches[0]).isLessThan(delivered.size()); // simultaneous events (ANSWERED with QUEUED) come together
    }

    @Test
    void simulatedTimeRunsSpeedTimesFasterThanTheWallClock() {
        FakeClock clock = new FakeClock();
        LiveCallFeed feed = LiveCallFeed.of(simulation(flat(60, 1, 1)), 10, clock, clock);
        clock.now = MONDAY.plusSeconds(60);
        assertThat(feed.simulatedNow()).isEqualTo(MONDAY.plusSeconds(600));
    }

    @Test
    void anInterruptStopsTheFeedAndKeepsTheInterruptFlag() {
        FakeClock clock = new FakeClock();
        LiveCallFeed feed = LiveCallFeed.of(simulation(flat(60, 1, 1)), 1, clock, d -> {
            throw new InterruptedException();
        });
        feed.run(e -> { });
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void aFiniteIteratorEndsTheFeed() {
        FakeClock clock = new FakeClock();
        List<CallEvent> five = simulation(flat(60, 1, 1)).stream(MONDAY).limit(5).toList();
        List<CallEvent> got = new ArrayList<>();
        new LiveCallFeed(five.iterator(), MONDAY, 1, clock, clock).run(got::add);
        assertThat(got).isEqualTo(five);
    }
}
