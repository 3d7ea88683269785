package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Counters of one 5-minute bucket (or of a whole day, summed). Each event is counted in the bucket
 * where it happened: a call is offered in the bucket of its QUEUED time, answered or abandoned in the
 * bucket of that event, ended in the bucket of its ENDED event. A call that left the queue because no
 * answer or abandon came within the longest wait is {@code expired}.
 */
public record Tally(
        long offered,
        long answered,
        long abandoned,
        long expired,
        long ended,
        @JsonProperty("answered_in_sl") long answeredInSl,
        @JsonProperty("abandoned_in_sl") long abandonedInSl,
        @JsonProperty("short_abandons") long shortAbandons,
        @JsonProperty("answered_wait_sec") long answeredWaitSec,
        @JsonProperty("abandoned_wait_sec") long abandonedWaitSec,
        @JsonProperty("talk_sec") long talkSec,
        @JsonProperty("max_wait_sec") long maxWaitSec) {
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Tally offer() {
        return new Tally(offered + 1, answered, abandoned, expired, ended, answeredInSl, abandonedInSl, shortAbandons,
                answeredWaitSec, abandonedWaitSec, talkSec, maxWaitSec);
    }

    public Tally answer(long waitSec, Thresholds t) {
        return new Tally(offered, answered + 1, abandoned, expired, ended, answeredInSl + (waitSec <= t.serviceLevelSec() ? 1 : 0),
                abandonedInSl, shortAbandons, answeredWaitSec + waitSec, abandonedWaitSec, talkSec, Math.max(maxWaitSec, waitSec));
    }

    public Tally abandon(long waitSec, Thresholds t) {
        return new Tally(offered, answered, abandoned + 1, expired, ended, answeredInSl,
                abandonedInSl + (waitSec <= t.serviceLevelSec() ? 1 : 0), shortAbandons + (waitSec < t.shortAbandonSec() ? 1 : 0),
                answeredWaitSec, abandonedWaitSec + waitSec, talkSec, Math.max(maxWaitSec, waitSec));
    }

    public Tally expire(long waitSec) {
        return new Tally(offered, answered, abandoned, expired + 1, ended, answeredInSl, abandonedInSl, shortAbandons,
                answeredWaitSec, abandonedWaitSec, talkSec, Math.max(maxWaitSec, waitSec));
    }

    public Tally end(long talk) {
        return new Tally(offered, answered, abandoned, expired, ended + 1, answeredInSl, abandonedInSl, shortAbandons,
                answeredWaitSec, abandonedWaitSec, talkSec + talk, maxWaitSec);
    }

    public Tally plus(Tally o) {
        return new Tally(offered + o.offered, answered + o.answered, abandoned + o.abandoned, expired + o.expired, ended + o.ended,
                answeredInSl + o.answeredInSl, abandonedInSl + o.abandonedInSl, shortAbandons + o.shortAbandons,
                answeredWaitSec + o.answeredWaitSec, abandonedWaitSec + o.abandonedWaitSec, talkSec + o.talkSec,
                Math.max(maxWaitSec, o.maxWaitSec));
    }

    /** Calls that left the queue here: answered, abandoned or expired. */
    public long left() {
        return answered + abandoned + expired;
    }
}
