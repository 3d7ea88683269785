package dev.switchboard.cdr;

/** Reason codes for rejected CDRs. */
public enum CdrReason {
    /** The payload is not valid JSON / CSV / Asterisk CSV, or not an object. */
    UNPARSABLE,
    /** A required field is absent or blank. */
    MISSING_FIELD,
    /** A field has the wrong type or an unreadable value (e.g. a date that does not parse). */
    INVALID_VALUE,
    /** A phone number that is neither a valid number for its region nor an internal extension. */
    INVALID_NUMBER,
    UNKNOWN_TYPE,
    UNKNOWN_RESULT,
    NEGATIVE_DURATION,
    DURATION_TOO_LONG,
    SMS_WITH_DURATION,
    FUTURE_START,
    START_TOO_OLD
}
