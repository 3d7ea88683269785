package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the live metrics remember of one call, so a repeated or late event is counted once and in the
 * right place. {@code queuedAt} is inferred from an answer or abandon (its time minus the wait) when
 * that came before the QUEUED event, or when the QUEUED event never came.
 *
 * @param leftAt  when the call left the queue (answered, abandoned or expired); null while waiting
 * @param outcome ANSWERED, ABANDONED or EXPIRED once it left the queue
 */
public record CallTrack(
        String queue,
        @JsonProperty("queued_at") Instant queuedAt,
        @JsonProperty("queued_seen") boolean queuedSeen,
        @JsonProperty("left_at") Instant leftAt,
        String outcome,
        boolean ended,
        Instant touched) {

    public boolean waiting() {
        return leftAt == null;
    }

    CallTrack seenQueued(Instant touched) {
        return new CallTrack(queue, queuedAt, true, leftAt, outcome, ended, touched);
    }

    CallTrack left(Instant at, String how, Instant touched) {
        return new CallTrack(queue, queuedAt, queuedSeen, at, how, ended, touched);
    }

    CallTrack endedAt(Instant touched) {
        return new CallTrack(queue, queuedAt, queuedSeen, leftAt, outcome, true, touched);
    }
}
