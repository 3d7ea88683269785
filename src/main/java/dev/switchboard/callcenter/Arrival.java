package dev.switchboard.callcenter;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a call the moment it is queued, and nothing learnt later: the input of an
 * {@link ArrivalPredictor}. Built the same way when the QUEUED event is scored and, for a call whose
 * score is missing, when it completes ({@link CallerHistory#arrival}), so both see the same facts.
 *
 * @param caller        the customer data of the number; null for an unknown or withheld caller
 * @param callsLast30d  the caller's completed calls queued in the 30 days before this one
 * @param callsLast7d   the same over 7 days
 * @param previous      the caller's latest earlier call if it had ended by this one's queueing; null otherwise
 */
public record Arrival(String callId, Instant queuedAt, String queue, String dialledNumber, Caller caller, int callsLast30d, int callsLast7d,
        PreviousCall previous) {
    public Arrival {
        Objects.requireNonNull(callId, "call_id");
        Objects.requireNonNull(queuedAt, "queued_at");
    }
}
