package dev.switchboard.contact;

/** Reason codes for rejected contact records. Unknown fields are never a reason: they are kept. */
public enum ContactReason {
    /** The payload is not JSON, not one JSON object, or nested beyond the parser's limits. */
    UNPARSABLE,
    /** A required field (ContactId, InitiationTimestamp, LastUpdateTimestamp) is absent, null or blank. */
    MISSING_FIELD,
    /** A known field has the wrong JSON type or a value that does not read (a timestamp, a duration). */
    INVALID_VALUE
}
