package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A caller's latest completed call (by queueing time), kept per caller for the next call's {@link Arrival}. */
public record PreviousCall(@JsonProperty("queued_at") Instant queuedAt, @JsonProperty("ended_at") Instant endedAt, String outcome,
        CallSubject subject) {
    public boolean abandoned() {
        return CallEventType.ABANDONED.name().equals(outcome);
    }
}
