package dev.switchboard.ivr;

/** Reason codes for rejected IVR sessions; each is rendered with the field it concerns, e.g. {@code INVALID_VALUE:turns[2].timestamp}. */
public enum IvrReason {
    /** The payload is not one JSON object, or is in an unknown format. */
    UNPARSABLE,
    /** A required field is absent, null or blank. */
    MISSING_FIELD,
    /** A field of the wrong JSON type or an unreadable value (a time that does not parse, a flag that is not yes/no, a fractional second count). */
    INVALID_VALUE,
    /** {@code resolution_status} is not Resolved, Escalated or Abandoned. */
    UNKNOWN_STATUS,
    /** A turn's speaker is not Customer, Chatbot or Agent. */
    UNKNOWN_SPEAKER,
    /** {@code customer_sentiment} is not Positive, Neutral or Negative. */
    UNKNOWN_SENTIMENT,
    /** {@code call_end_time} before {@code call_start_time}. */
    END_BEFORE_START,
    /** The session lasts longer than {@link IvrMediator#MAX_SECONDS}. */
    DURATION_TOO_LONG,
    /** A confidence score outside [0, 1]. */
    CONFIDENCE_OUT_OF_RANGE,
    /** More turns than {@link IvrMediator#MAX_TURNS}. */
    TOO_MANY_TURNS
}
