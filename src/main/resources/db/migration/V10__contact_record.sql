-- Contact records in the Amazon Connect CTR shape (kind ctr), one row per ContactId: the latest version
-- seen (by LastUpdateTimestamp, then the larger fingerprint on a tie), with the whole record as canonical
-- JSON text in raw (every field kept, known or not, keys sorted). Durations in whole seconds. See
-- dev.switchboard.contact.ContactHistory and docs/CONTACTS.md. Runs on DuckDB and PostgreSQL.
CREATE TABLE contact_record (
    contact_id                    VARCHAR     PRIMARY KEY,
    initial_contact_id            VARCHAR,
    previous_contact_id           VARCHAR,
    chain_id                      VARCHAR     NOT NULL,
    channel                       VARCHAR,
    initiation_method             VARCHAR,
    initiation_timestamp          TIMESTAMPTZ NOT NULL,
    connected_to_system_timestamp TIMESTAMPTZ,
    disconnect_timestamp          TIMESTAMPTZ,
    last_update_timestamp         TIMESTAMPTZ NOT NULL,
    disconnect_reason             VARCHAR,
    queue_name                    VARCHAR,
    queue_arn                     VARCHAR,
    enqueue_timestamp             TIMESTAMPTZ,
    dequeue_timestamp             TIMESTAMPTZ,
    queue_duration_sec            BIGINT,
    agent_username                VARCHAR,
    connected_to_agent_timestamp  TIMESTAMPTZ,
    agent_interaction_sec         BIGINT,
    customer_hold_sec             BIGINT,
    after_contact_work_sec        BIGINT,
    number_of_holds               BIGINT,
    customer_endpoint             VARCHAR,
    system_endpoint               VARCHAR,
    fingerprint                   VARCHAR     NOT NULL,
    raw                           VARCHAR     NOT NULL
);

CREATE INDEX contact_record_chain_id ON contact_record (chain_id);
CREATE INDEX contact_record_initiation_timestamp ON contact_record (initiation_timestamp);

-- Rejected contact records, with the raw payload kept whole; keyed by position in ctr.error.
CREATE TABLE ctr_error (
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
