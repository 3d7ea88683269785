package dev.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mediation.Mediated;
import java.nio.charset.StandardCharsets;
import dev.switchboard.platform.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveContactFeedTest {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void eachVersionIsSentOnceTheClockReachesItsLastUpdateTimeInTimeOrder() {
        HandClock clock = new HandClock(START);
        List<String> sent = new ArrayList<>();
        dev.switchboard.generate.TimedFeed feed = LiveContactFeed.startingNow(7, Duration.ofMinutes(10), 0, 0, clock, sent::add);
        Instant last = Instant.MIN;
        Set<String> versions = new HashSet<>();
        int updates = 0, transfers = 0;
        for (int minute = 0; minute < 240; minute++) {
            int before = sent.size();
            feed.tick();
            for (String line : sent.subList(before, sent.size())) {
                ContactRecord c = ((Mediated.Clean<ContactRecord>) ContactParser.parse(line.getBytes(StandardCharsets.UTF_8))).value();
                assertThat(c.lastUpdateTimestamp()).as("sent when due").isBeforeOrEqualTo(clock.instant()).isAfterOrEqualTo(last);
                last = c.lastUpdateTimestamp();
                assertThat(versions.add(c.fingerprint())).as("each version once").isTrue();
                if (c.attributes().containsKey("survey_score")) updates++;
                if (c.initialContactId() != null) transfers++;
            }
            clock.advance(Duration.ofMinutes(1));
        }
        // ~31 s between new contacts: about 480 in 4 hours and 10 minutes, with updates and transfers among them.
        assertThat(sent.size()).isBetween(400, 800);
        assertThat(updates).isPositive();
        assertThat(transfers).isPositive();
        assertThat(feed.sent()).isEqualTo(sent.size());
    }

    @Test
    void nothingIsSentBeforeItsTimeAndMalformedRecordsGoWhenDrawn() {
        HandClock clock = new HandClock(START);
        List<String> sent = new ArrayList<>();
        dev.switchboard.generate.TimedFeed feed = LiveContactFeed.startingNow(3, Duration.ZERO, 0.5, 0, clock, sent::add);
        feed.tick();
        // Contacts start from now, so none has been written yet; only malformed records (due when drawn) went.
        assertThat(sent).isNotEmpty().allSatisfy(line -> assertThat(ContactParser.parse(line.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Mediated.Rejected.class));
        clock.advance(Duration.ofHours(1));
        feed.tick();
        assertThat(sent).anySatisfy(line -> assertThat(ContactParser.parse(line.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Mediated.Clean.class));
    }
}
