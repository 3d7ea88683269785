package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallEvent;
import java.time.Instant;

/** What the live metrics consume, in one ordered stream: a call event, or a reset requested at a time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsInput(CallEvent call, @JsonProperty("reset_at") Instant resetAt) {
    public MetricsInput {
        if ((call == null) == (resetAt == null)) throw new IllegalArgumentException("exactly one of call and reset_at");
    }

    public static MetricsInput of(CallEvent call) {
        return new MetricsInput(call, null);
    }

    public static MetricsInput reset(Instant at) {
        return new MetricsInput(null, at);
    }
}
