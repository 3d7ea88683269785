package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The subject a model expects of a call when it is queued, with every subject's probability. */
public record CallPrediction(@JsonProperty("call_id") String callId, @JsonProperty("queued_at") Instant queuedAt, CallSubject subject,
        Map<CallSubject, Double> probabilities) {
    public CallPrediction {
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(subject, "subject");
        probabilities = Map.copyOf(probabilities);
    }

    /** The probability of the predicted subject. */
    public double confidence() {
        return probabilities.getOrDefault(subject, 0.0);
    }
}
