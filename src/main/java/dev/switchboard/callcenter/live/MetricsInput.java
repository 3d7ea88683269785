package dev.switchboard.callcenter.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallPrediction;
import java.time.Instant;

/** What the live metrics consume, in one ordered stream: a call event, a reset requested at a time, or the prediction of a queued call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsInput(CallEvent call, @JsonProperty("reset_at") Instant resetAt, CallPrediction prediction) {
    public MetricsInput {
        int given = (call == null ? 0 : 1) + (resetAt == null ? 0 : 1) + (prediction == null ? 0 : 1);
        if (given != 1) throw new IllegalArgumentException("exactly one of call, reset_at and prediction");
    }

    public static MetricsInput of(CallEvent call) {
        return new MetricsInput(call, null, null);
    }

    public static MetricsInput reset(Instant at) {
        return new MetricsInput(null, at, null);
    }

    public static MetricsInput predicted(CallPrediction prediction) {
        return new MetricsInput(null, null, prediction);
    }
}
