package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallSubject;
import java.time.Instant;

/** A call in a queue now, with the subject a model predicted for it (and that prediction's probability) once scored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Waiting(String queue, @JsonProperty("queued_at") Instant queuedAt, @JsonProperty("predicted_subject") CallSubject predictedSubject,
        Double confidence) {
    public Waiting(String queue, Instant queuedAt) {
        this(queue, queuedAt, null, null);
    }

    Waiting predicted(CallSubject subject, double probability) {
        return new Waiting(queue, queuedAt, subject, probability);
    }
}
