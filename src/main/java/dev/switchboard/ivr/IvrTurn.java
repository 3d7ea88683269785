package dev.switchboard.ivr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One turn of an IVR conversation, as cleaned: numbered from 1 in time order, speaker one of
 * {@link IvrSpeaker}, {@code intent_detected} a Y/N flag, {@code confidence_score} in [0, 1] or null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IvrTurn(
        @JsonProperty("turn_number") int turnNumber,
        Instant timestamp,
        IvrSpeaker speaker,
        String text,
        @JsonProperty("intent_detected") String intentDetected,
        @JsonProperty("intent_name") String intentName,
        @JsonProperty("confidence_score") BigDecimal confidenceScore) {
    public IvrTurn {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(speaker, "speaker");
    }

    IvrTurn numbered(int n) {
        return new IvrTurn(n, timestamp, speaker, text, intentDetected, intentName, confidenceScore);
    }
}
