package dev.switchboard.cdr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A clean call-detail record: numbers in E.164 (or a short internal extension), start in UTC,
 * duration in whole seconds ({@code null} for SMS).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cdr(
        String id,
        @JsonProperty("calling_number") String callingNumber,
        @JsonProperty("called_number") String calledNumber,
        @JsonProperty("start_time") Instant startTime,
        @JsonProperty("duration_sec") Integer durationSec,
        CdrType type,
        CdrResult result,
        String operator) {
    public Cdr {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callingNumber, "calling_number");
        Objects.requireNonNull(calledNumber, "called_number");
        Objects.requireNonNull(startTime, "start_time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(result, "result");
        if (type == CdrType.SMS && durationSec != null) throw new IllegalArgumentException("an SMS has no duration");
        if (type == CdrType.VOICE && (durationSec == null || durationSec < 0))
            throw new IllegalArgumentException("a voice call needs a duration >= 0");
    }
}
