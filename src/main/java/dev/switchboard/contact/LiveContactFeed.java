package dev.switchboard.contact;

import dev.switchboard.generate.TimedFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Contact records as Amazon Connect would deliver them now (for {@code demo}): each version of a contact is
 * sent when the clock reaches its LastUpdateTimestamp, the time Connect wrote it, so contacts arrive once
 * they have ended and their updates arrive later. The records come from a {@link ContactGenerator} started a
 * few minutes back.
 */
public final class LiveContactFeed {
    /** A version is written some time after its contact starts (the talk, a later update): records are drawn this far ahead. */
    static final Duration HORIZON = Duration.ofHours(2);

    private LiveContactFeed() {}

    /** A feed of generated contacts (transfers, updates and a few replays and malformed records), the first ones from {@code lead} ago. */
    public static TimedFeed startingNow(long seed, Duration lead, double errorRate, double duplicateRate, Clock clock, Consumer<String> send) {
        ContactGenerator g = new ContactGenerator(new ContactGenerator.Workload(Long.MAX_VALUE, seed, clock.instant().minus(lead), errorRate,
                duplicateRate, 0.08, 0.10, 0.15));
        return new TimedFeed(g, "LastUpdateTimestamp", HORIZON, clock, send);
    }
}
