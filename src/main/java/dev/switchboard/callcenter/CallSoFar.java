package dev.switchboard.callcenter;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What is known of a call not yet over, merged from its events in whatever order they come.
 * {@code done} is set once it was emitted as completed, so repeats are not emitted again.
 */
record CallSoFar(
        String queue,
        @JsonProperty("caller_number") String callerNumber,
        @JsonProperty("queued_at") Instant queuedAt,
        @JsonProperty("answered_at") Instant answeredAt,
        @JsonProperty("wait_sec") Integer waitSec,
        String agent,
        boolean done,
        Instant touched,
        @JsonProperty("dialled_number") String dialledNumber) {

    static final CallSoFar NONE = new CallSoFar(null, null, null, null, null, null, false, null, null);

    CallSoFar with(CallEvent e) {
        Instant queued = queuedAt;
        Instant answered = answeredAt;
        if (e.event() == CallEventType.QUEUED) queued = e.time();
        if (e.event() == CallEventType.ANSWERED) answered = e.time();
        return new CallSoFar(first(queue, e.queue()), first(callerNumber, e.callerNumber()), queued, answered,
                first(waitSec, e.waitSec()), first(agent, e.agent()), done, e.time(), first(dialledNumber, e.dialledNumber()));
    }

    CallSoFar finished() {
        return new CallSoFar(queue, callerNumber, queuedAt, answeredAt, waitSec, agent, true, touched, dialledNumber);
    }

    /** The completed call an ENDED or ABANDONED event makes of what is known; times missing are implied by the waits. */
    CompletedCall complete(CallEvent last) {
        boolean abandoned = last.event() == CallEventType.ABANDONED;
        Integer wait = last.waitSec() != null ? last.waitSec() : waitSec;
        Integer talk = abandoned ? null : last.talkSec();
        Instant answered = abandoned ? null : answeredAt != null ? answeredAt : talk != null ? last.time().minusSeconds(talk) : null;
        Instant queued = queuedAt;
        if (queued == null && wait != null) queued = (abandoned ? last.time() : answered != null ? answered : last.time()).minusSeconds(wait);
        return new CompletedCall(last.callId(), first(queue, last.queue()), first(callerNumber, last.callerNumber()), queued, answered,
                last.time(), abandoned ? CallEventType.ABANDONED.name() : CallEventType.ANSWERED.name(), wait, talk,
                abandoned ? null : first(agent, last.agent()), abandoned ? null : last.subject(), abandoned ? null : last.product(),
                null, null, null, null, null, first(dialledNumber, last.dialledNumber()), null);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
