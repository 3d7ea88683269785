package dev.switchboard.callcenter;

/** Reason codes for rejected call-center events. */
public enum CallReason {
    /** The payload is not one JSON object, not one queue_log line, or in an unknown format. */
    UNPARSABLE,
    /** A required field is absent or blank. */
    MISSING_FIELD,
    /** A field has the wrong type or an unreadable value (a time that does not parse, a fractional second count). */
    INVALID_VALUE,
    /** A caller number that is neither a valid number for its region, an internal extension, nor a withheld caller. */
    INVALID_NUMBER,
    /** {@code event} is not one of {@link CallEventType}. */
    UNKNOWN_EVENT,
    /** {@code subject} is not one of {@link CallSubject}. */
    UNKNOWN_SUBJECT,
    NEGATIVE_DURATION,
    /** A wait or talk time above {@link CallMediator#MAX_SECONDS}. */
    DURATION_TOO_LONG,
    /** A field the event cannot carry, e.g. {@code talk_sec} on QUEUED or {@code subject} before ENDED. */
    FIELD_NOT_ALLOWED,
    /**
     * A queue_log line that is well formed but cannot become an event by itself: it needs the lines
     * before it (for instance an old-style EXITWITHTIMEOUT, whose wait time only its ENTERQUEUE gives).
     */
    OUT_OF_CONTEXT,
    /** A queue_log line about members or the queue itself (callid NONE, ADDMEMBER, RINGNOANSWER...), not a call event. */
    NOT_A_CALL_EVENT
}
