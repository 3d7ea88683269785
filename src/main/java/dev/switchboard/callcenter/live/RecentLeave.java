package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Calls that left the queue within one second, kept for the trailing-window averages: the window
 * slides second by second over at most 600 of these, however many calls there are.
 */
public record RecentLeave(
        long answered,
        @JsonProperty("answered_wait_sec") long answeredWaitSec,
        long abandoned,
        @JsonProperty("abandoned_wait_sec") long abandonedWaitSec) {
    static final RecentLeave NONE = new RecentLeave(0, 0, 0, 0);

    RecentLeave plus(boolean wasAnswered, long waitSec) {
        return wasAnswered ? new RecentLeave(answered + 1, answeredWaitSec + waitSec, abandoned, abandonedWaitSec)
                : new RecentLeave(answered, answeredWaitSec, abandoned + 1, abandonedWaitSec + waitSec);
    }
}
