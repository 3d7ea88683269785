-- The call-subject model (issue 7, docs/PREDICTION.md).
--
-- call.dialled_number: the number the caller dialled, a feature known at arrival. Nothing fills it yet
-- (Amazon Connect's SystemEndpoint will); training uses it when present.
-- call.predicted_probs: the online scoring's probability per subject, JSON {"JOINING": 0.2, ...}.
ALTER TABLE call ADD COLUMN dialled_number VARCHAR;
ALTER TABLE call ADD COLUMN predicted_probs VARCHAR;

-- One row per trained model; the file (Tribuo protobuf) is under DATA/models/. At most one row is active:
-- the model the process loads at start and scores with.
CREATE TABLE model_registry (
    version    INTEGER     PRIMARY KEY,
    trained_at TIMESTAMPTZ NOT NULL,
    data_from  TIMESTAMPTZ,
    data_until TIMESTAMPTZ,
    algorithm  VARCHAR     NOT NULL,
    features   VARCHAR     NOT NULL,
    metrics    VARCHAR     NOT NULL,
    file       VARCHAR     NOT NULL,
    active     BOOLEAN     NOT NULL
);
