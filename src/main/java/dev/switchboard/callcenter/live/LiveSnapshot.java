package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What {@code GET /api/callcenter/live} answers.
 *
 * @param now       the metrics' "now": the later of the wall clock and the latest event time seen
 * @param since     start of the day's counting: local midnight or the last reset
 */
public record LiveSnapshot(
        Instant now,
        LocalDate date,
        String zone,
        Instant since,
        WaitingNow waiting,
        Trailing trailing,
        Tally today,
        Kpis kpis) {

    /** Calls in queue now: in total, per queue, and how long the one waiting longest has waited. */
    public record WaitingNow(long total, @JsonProperty("by_queue") Map<String, Long> byQueue,
                             @JsonProperty("oldest_wait_sec") Long oldestWaitSec) {}

    /**
     * Calls that left the queue in the trailing window: the whole seconds from {@code from} to now's
     * second (600 of them), never reaching back past {@code since}.
     */
    public record Trailing(@JsonProperty("window_sec") long windowSec, Instant from,
                           long answered, @JsonProperty("avg_wait_sec") Double avgWaitSec,
                           long abandoned, @JsonProperty("avg_abandoned_wait_sec") Double avgAbandonedWaitSec) {}
}
