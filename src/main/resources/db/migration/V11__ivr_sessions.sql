-- IVR chatbot sessions and their conversation turns, with exactly the fields of the IVR data
-- dictionary (docs/IVR.md). Written by the store sink from ivr.clean (dev.switchboard.ivr.IvrHistory):
-- one session row and one row per turn, idempotent by the primary keys, so a replay doubles nothing.
-- Runs on DuckDB and PostgreSQL.
--
-- conversation is the whole transcript as text, one line per turn, "Speaker: text", in turn order;
-- the turns themselves are the rows of conversation_data. Flags are 'Y' or 'N'. source_file is the
-- name of the file the session was ingested from (or the source, e.g. http:… or generator).
CREATE TABLE raw_session_data (
    session_id         VARCHAR     PRIMARY KEY,
    customer_id        VARCHAR     NOT NULL,
    call_start_time    TIMESTAMPTZ NOT NULL,
    call_end_time      TIMESTAMPTZ NOT NULL,
    call_duration_sec  INTEGER     NOT NULL,
    conversation       VARCHAR,
    initial_intent     VARCHAR,
    resolution_status  VARCHAR     NOT NULL,
    escalation_flag    VARCHAR(1)  NOT NULL,
    customer_sentiment VARCHAR,
    system_error_flag  VARCHAR(1)  NOT NULL,
    ivr_outcome_code   VARCHAR,
    topic_type         VARCHAR,
    topic_name         VARCHAR,
    source_file        VARCHAR
);

CREATE INDEX raw_session_data_start ON raw_session_data (call_start_time);
CREATE INDEX raw_session_data_customer ON raw_session_data (customer_id);

CREATE TABLE conversation_data (
    session_id       VARCHAR        NOT NULL,
    customer_id      VARCHAR        NOT NULL,
    turn_number      INTEGER        NOT NULL,
    timestamp        TIMESTAMPTZ    NOT NULL,
    speaker          VARCHAR        NOT NULL,
    text             VARCHAR,
    intent_detected  VARCHAR(1)     NOT NULL,
    intent_name      VARCHAR,
    confidence_score DECIMAL(18, 6),
    PRIMARY KEY (session_id, turn_number)
);

-- Rejected IVR sessions, with the raw payload kept whole; keyed by position in ivr.error.
CREATE TABLE ivr_error (
    topic           VARCHAR     NOT NULL,
    topic_partition INTEGER     NOT NULL,
    topic_offset    BIGINT      NOT NULL,
    source          VARCHAR     NOT NULL,
    format          VARCHAR     NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    reasons         VARCHAR     NOT NULL,
    raw             VARCHAR     NOT NULL,
    PRIMARY KEY (topic, topic_partition, topic_offset)
);
