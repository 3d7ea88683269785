package dev.switchboard.rating;

/** Why rating refused a clean CDR (it then goes to {@code cdr.error}). */
public enum RatingReason {
    /** No plan version in force at the start time, or no rate of the CDR's type matches its called number and band. */
    NO_RATE
}
