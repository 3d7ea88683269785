-- Completed call-center calls (ENDED or ABANDONED), enriched with what the customer data says of the
-- caller. One row per call id; a replay of call.completed writes each call once.
CREATE TABLE call (
    call_id           VARCHAR     PRIMARY KEY,
    queue             VARCHAR,
    caller_number     VARCHAR,
    queued_at         TIMESTAMPTZ,
    answered_at       TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ NOT NULL,
    outcome           VARCHAR     NOT NULL,
    wait_sec          INTEGER,
    talk_sec          INTEGER,
    agent             VARCHAR,
    subject           VARCHAR,
    product           VARCHAR,
    city              VARCHAR,
    sex               VARCHAR,
    age               INTEGER,
    calls_last_30d    INTEGER,
    predicted_subject VARCHAR
);

CREATE INDEX call_queued_at ON call (queued_at);
CREATE INDEX call_caller_number ON call (caller_number);

-- Rejected call events, with the raw payload kept whole; keyed by position in call.error.
CREATE TABLE call_error (
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
