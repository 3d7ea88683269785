package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * Calls in queue now: in total, per queue, how long the one waiting longest has waited, how many per
     * predicted subject (calls not scored, for want of a model, are not counted there), and the
     * {@value #LISTED} longest-waiting calls with their predictions.
     */
    public record WaitingNow(long total, @JsonProperty("by_queue") Map<String, Long> byQueue,
                             @JsonProperty("oldest_wait_sec") Long oldestWaitSec,
                             @JsonProperty("by_predicted_subject") Map<String, Long> byPredictedSubject,
                             List<WaitingCall> calls) {
        public static final int LISTED = 20;
    }

    /** One call waiting now, with the subject the model predicted for it on arrival (null until scored). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WaitingCall(@JsonProperty("call_id") String callId, String queue, @JsonProperty("queued_at") Instant queuedAt,
                              @JsonProperty("wait_sec") long waitSec, @JsonProperty("predicted_subject") String predictedSubject,
                              Double confidence) {}

    /**
     * Calls that left the queue in the trailing window: the whole seconds from {@code from} to now's
     * second (600 of them), never reaching back past {@code since}.
     */
    public record Trailing(@JsonProperty("window_sec") long windowSec, Instant from,
                           long answered, @JsonProperty("avg_wait_sec") Double avgWaitSec,
                           long abandoned, @JsonProperty("avg_abandoned_wait_sec") Double avgAbandonedWaitSec) {}
}
