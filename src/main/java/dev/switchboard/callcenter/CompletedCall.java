package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A call that is over (ENDED or ABANDONED), with its whole life and what the customer data says of
 * the caller: the value of {@code call.completed} and one row of table {@code call}.
 *
 * @param outcome       ANSWERED (it ended after an agent took it) or ABANDONED
 * @param callsLast30d  completed calls from the same number in the 30 days before this one was queued
 * @param age           the caller's age on the day of the call; null (like city and sex) for unknown callers
 * @param dialledNumber  the number the caller dialled, where the source said
 * @param predictedProbs the probability of each subject the model gave when the call arrived (with {@code predictedSubject})
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
        @JsonProperty("predicted_subject") CallSubject predictedSubject,
        @JsonProperty("dialled_number") String dialledNumber,
        @JsonProperty("predicted_probs") Map<CallSubject, Double> predictedProbs) {
    public CompletedCall {
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(endedAt, "ended_at");
        Objects.requireNonNull(outcome, "outcome");
        predictedProbs = predictedProbs == null ? null : Map.copyOf(predictedProbs);
    }

    /** A call without the number dialled and without a prediction's probabilities. */
    public CompletedCall(String callId, String queue, String callerNumber, Instant queuedAt, Instant answeredAt, Instant endedAt, String outcome,
            Integer waitSec, Integer talkSec, String agent, CallSubject subject, String product, String city, Sex sex, Integer age,
            Integer callsLast30d, CallSubject predictedSubject) {
        this(callId, queue, callerNumber, queuedAt, answeredAt, endedAt, outcome, waitSec, talkSec, agent, subject, product, city, sex, age,
                callsLast30d, predictedSubject, null, null);
    }

    public CompletedCall predicted(CallSubject subject, Map<CallSubject, Double> probabilities) {
        return new CompletedCall(callId, queue, callerNumber, queuedAt, answeredAt, endedAt, outcome, waitSec, talkSec, agent, this.subject,
                product, city, sex, age, callsLast30d, subject, dialledNumber, probabilities);
    }

    public CompletedCall enriched(Caller caller, int age, int callsLast30d) {
        return new CompletedCall(callId, queue, callerNumber, queuedAt, answeredAt, endedAt, outcome, waitSec, talkSec, agent, subject,
                product, caller == null ? null : caller.city(), caller == null ? null : caller.sex(), caller == null ? null : age,
                callsLast30d, predictedSubject, dialledNumber, predictedProbs);
    }
}
