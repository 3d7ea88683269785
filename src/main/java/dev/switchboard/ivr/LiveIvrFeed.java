package dev.switchboard.ivr;

import dev.switchboard.generate.TimedFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * IVR sessions as a chatbot platform would export them now (for {@code demo}): generated sessions starting
 * one every {@link #MEAN_GAP_SECONDS} seconds on average from a few minutes back, each sent when the clock
 * reaches its {@code call_end_time}, by the customers of {@link IvrDemoHistory}'s history.
 */
public final class LiveIvrFeed {
    public static final double MEAN_GAP_SECONDS = 20;
    /** The longest generated session (an escalation with a long agent talk) lasts about 12 minutes. */
    static final Duration HORIZON = Duration.ofMinutes(30);

    private LiveIvrFeed() {}

    public static TimedFeed startingNow(long seed, Duration lead, double errorRate, double duplicateRate, Clock clock, Consumer<String> send) {
        IvrGenerator g = IvrGenerator.arriving(seed, clock.instant().minus(lead), MEAN_GAP_SECONDS, IvrDemoHistory.SESSIONS / 3, errorRate,
                duplicateRate);
        return new TimedFeed(g, "call_end_time", HORIZON, clock, send);
    }
}
