-- Clean CDRs: one row per CDR id. cost, currency, rate_id and plan_version are filled once rated.
CREATE TABLE cdr (
    id             VARCHAR      PRIMARY KEY,
    calling_number VARCHAR      NOT NULL,
    called_number  VARCHAR      NOT NULL,
    start_time     TIMESTAMPTZ  NOT NULL,
    duration_sec   INTEGER,
    type           VARCHAR      NOT NULL,
    result         VARCHAR      NOT NULL,
    operator       VARCHAR,
    cost           DECIMAL(18, 6),
    currency       VARCHAR,
    rate_id        VARCHAR,
    plan_version   INTEGER
);

CREATE INDEX cdr_start_time ON cdr (start_time);
CREATE INDEX cdr_calling_number ON cdr (calling_number);

-- Rejected CDRs with the raw payload kept whole. The record's position in the error topic is the
-- key, so a replay of the topic writes each error once.
CREATE TABLE cdr_error (
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
