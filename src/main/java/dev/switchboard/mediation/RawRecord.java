package dev.switchboard.mediation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One record as it arrived, before any parsing: the payload text in the given format, where it came
 * from and when. This is the value of every {@code <kind>.raw} topic.
 *
 * @param source who sent it ({@code http}, {@code generator}, {@code file:NAME#RUN}); counters are kept per source
 * @param format the wire format of the payload, e.g. {@code cdr-json}
 */
public record RawRecord(
        String source,
        String format,
        @JsonProperty("received_at") Instant receivedAt,
        String payload) {
    public RawRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(receivedAt, "received_at");
        Objects.requireNonNull(payload, "payload");
    }
}
