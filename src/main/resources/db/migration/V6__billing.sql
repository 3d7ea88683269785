-- Closed billing periods: one row per subscriber (calling number), period and currency. Written by
-- dev.switchboard.billing.BillingRun, which deletes a period's rows and inserts them again in one
-- transaction, so re-running a period gives the same rows. Runs on DuckDB and PostgreSQL.
--
-- amount is the exact sum of the rated CDRs' cost; tax = amount x tax_rate rounded HALF_UP to
-- 2 decimals; total = amount + tax. unpriced counts the subscriber's CDRs of the period that have no
-- cost yet (reported, not billed). See docs/BILLING.md.
CREATE TABLE bill (
    subscriber     VARCHAR        NOT NULL,
    period         VARCHAR        NOT NULL,
    currency       VARCHAR        NOT NULL,
    plan_id        VARCHAR,
    calls          BIGINT         NOT NULL,
    sms            BIGINT         NOT NULL,
    total_seconds  BIGINT         NOT NULL,
    billed_seconds BIGINT         NOT NULL,
    free_seconds   BIGINT         NOT NULL,
    free_sms       BIGINT         NOT NULL,
    amount         DECIMAL(18, 6) NOT NULL,
    tax_rate       DECIMAL(18, 6) NOT NULL,
    tax            DECIMAL(18, 6) NOT NULL,
    total          DECIMAL(18, 6) NOT NULL,
    unpriced       BIGINT         NOT NULL,
    closed_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (subscriber, period, currency)
);

CREATE INDEX bill_period ON bill (period);
