package dev.switchboard.ivr;

import static dev.switchboard.ivr.IvrFixtures.MEDIATOR;
import static dev.switchboard.ivr.IvrFixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.generate.TimedFeed;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.platform.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveIvrFeedTest {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void sessionsAreSentOnceTheyHaveEndedInTheOrderTheyEnded() {
        HandClock clock = new HandClock(START);
        List<String> sent = new ArrayList<>();
        TimedFeed feed = LiveIvrFeed.startingNow(11, Duration.ofMinutes(10), 0, 0, clock, sent::add);
        Instant lastEnd = Instant.MIN;
        Set<String> ids = new HashSet<>();
        Set<String> customers = new HashSet<>();
        for (int minute = 0; minute < 120; minute++) {
            int before = sent.size();
            feed.tick();
            for (String line : sent.subList(before, sent.size())) {
                Mediated<IvrSession> m = MEDIATOR.mediate(raw(line));
                assertThat(m).as(line).isInstanceOf(Mediated.Clean.class);
                IvrSession s = ((Mediated.Clean<IvrSession>) m).value();
                assertThat(s.callEndTime()).as("sent once ended").isBeforeOrEqualTo(clock.instant()).isAfterOrEqualTo(lastEnd);
                assertThat(s.callStartTime()).as("started after the feed's start").isAfterOrEqualTo(START.minus(Duration.ofMinutes(10)));
                lastEnd = s.callEndTime();
                assertThat(ids.add(s.sessionId())).as("session ids are unique").isTrue();
                customers.add(s.customerId());
            }
            clock.advance(Duration.ofMinutes(1));
        }
        // One session about every 20 s from ten minutes back: ~390 in 130 minutes, those still running at the end not yet sent.
        assertThat(sent.size()).isBetween(300, 480);
        assertThat(feed.sent()).isEqualTo(sent.size());
        assertThat(customers).allSatisfy(c -> assertThat(Integer.parseInt(c)).isBetween(1, IvrDemoHistory.SESSIONS / 3));
    }

    @Test
    void liveSessionIdsDoNotRepeatTheHistorysIds() {
        IvrGenerator history = new IvrGenerator(50, 1, START, 1, 0, 0);
        IvrGenerator live = IvrGenerator.arriving(1, START, 20, 100, 0, 0);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(IvrFixtures.clean(MEDIATOR.mediate(raw(history.next()))).sessionId());
            ids.add(IvrFixtures.clean(MEDIATOR.mediate(raw(live.next()))).sessionId());
        }
        assertThat(ids).hasSize(100);
    }
}
