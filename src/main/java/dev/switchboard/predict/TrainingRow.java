package dev.switchboard.predict;

import dev.switchboard.callcenter.CallSubject;
import java.time.Instant;
import java.util.Objects;

/** One answered call of the history with a known subject: what was known at its arrival, and what it turned out to be about. */
public record TrainingRow(String callId, Instant queuedAt, CallFeatures features, CallSubject subject) {
    public TrainingRow {
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(queuedAt, "queued_at");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(subject, "subject");
    }
}
