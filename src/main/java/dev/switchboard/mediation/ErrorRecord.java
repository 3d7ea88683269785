package dev.switchboard.mediation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A rejected record on a {@code <kind>.error} topic: the raw payload kept whole, with the reasons. */
public record ErrorRecord(
        String kind,
        String source,
        String format,
        @JsonProperty("received_at") Instant receivedAt,
        List<Reason> reasons,
        String raw) {
    public ErrorRecord {
        reasons = List.copyOf(reasons);
    }

    public static ErrorRecord of(String kind, RawRecord raw, List<Reason> reasons) {
        return new ErrorRecord(kind, raw.source(), raw.format(), raw.receivedAt(), reasons, raw.payload());
    }

    /** The reasons as one text, e.g. {@code INVALID_NUMBER:calling_number,FUTURE_START}. */
    public String reasonText() {
        return String.join(",", reasons.stream().map(Reason::toString).toList());
    }
}
