package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A call that is over (ENDED or ABANDONED), with its whole life and what the customer data says of
 * the caller: the value of {@code call.completed} and one row of table {@code call}.
 *
 * @param outcome       ANSWERED (it ended after an agent took it) or ABANDONED
 * @param callsLast30d  completed calls from the same number in the 30 days before this one was queued
 * @param age           the caller's age on the day of the call; null (like city and sex) for unknown callers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletedCall(
        @JsonProperty("call_id") String callId,
        String queue,
        @JsonProperty("caller_number") String callerNumber,
        @JsonProperty("queued_at") Instant queuedAt,
        @JsonProperty("answered_at") Instant answeredAt,
        @JsonProperty("ended_at") Instant endedAt,
        String outcome,
        @JsonProperty("wait_sec") Integer waitSec,
        @JsonProperty("talk_sec") Integer talkSec,
        String agent,
        CallSubject subject,
        String product,
        String city,
        Sex sex,
        Integer age,
        @JsonProperty("calls_last_30d") Integer callsLast30d,
        @JsonProperty("predicted_subject") CallSubject predictedSubject) {
    public CompletedCall {
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(endedAt, "ended_at");
        Objects.requireNonNull(outcome, "outcome");
    }

    public CompletedCall enriched(Caller caller, int age, int callsLast30d) {
        return new CompletedCall(callId, queue, callerNumber, queuedAt, answeredAt, endedAt, outcome, waitSec, talkSec, agent, subject,
                product, caller == null ? null : caller.city(), caller == null ? null : caller.sex(), caller == null ? null : age,
                callsLast30d, predictedSubject);
    }
}
