package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One call-center call event, the value of {@code call.raw}/{@code call.clean} (JSON, snake_case).
 * {@code wait_sec} is set on ANSWERED and ABANDONED (time in queue), {@code talk_sec}, {@code subject}
 * and {@code product} on ENDED; {@code agent} from ANSWERED on; {@code dialled_number}, the number the caller
 * dialled, where the source says (usually on QUEUED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallEvent(
        @JsonProperty("call_id") String callId,
        CallEventType event,
        Instant time,
        String queue,
        @JsonProperty("caller_number") String callerNumber,
        String agent,
        @JsonProperty("wait_sec") Integer waitSec,
        @JsonProperty("talk_sec") Integer talkSec,
        CallSubject subject,
        String product,
        @JsonProperty("dialled_number") String dialledNumber) {
    public CallEvent {
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(queue, "queue");
        if (waitSec != null && waitSec < 0) throw new IllegalArgumentException("wait_sec must not be negative");
        if (talkSec != null && talkSec < 0) throw new IllegalArgumentException("talk_sec must not be negative");
    }

    /** An event without the number dialled. */
    public CallEvent(String callId, CallEventType event, Instant time, String queue, String callerNumber, String agent, Integer waitSec,
            Integer talkSec, CallSubject subject, String product) {
        this(callId, event, time, queue, callerNumber, agent, waitSec, talkSec, subject, product, null);
    }
}
