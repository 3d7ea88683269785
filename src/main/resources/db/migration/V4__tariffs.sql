-- Tariff plans, their rates, which plan each subscriber is on, and the set's settings (default plan,
-- zone). Runs on DuckDB and PostgreSQL. See dev.switchboard.rating.TariffStore and docs/TARIFFS.md.
--
-- A plan is versioned: each version applies to CDRs that start at or after active_from, until the
-- next version's activation, so old CDRs keep the price in force when they happened. Time bands,
-- holidays and free allowances are small and read whole, so they are JSON text (the file format's
-- own shape); rates are many (100,000 prefixes and more) and get a row each.
CREATE TABLE tariff_plan (
    plan_id     VARCHAR        NOT NULL,
    version     INTEGER        NOT NULL,
    active_from TIMESTAMPTZ    NOT NULL,
    currency    VARCHAR        NOT NULL,
    tax_rate    DECIMAL(18, 6) NOT NULL,
    bands       VARCHAR        NOT NULL,
    holidays    VARCHAR        NOT NULL,
    allowances  VARCHAR        NOT NULL,
    PRIMARY KEY (plan_id, version)
);

-- position keeps the order of the rates in the file, so an export reads like the import.
CREATE TABLE rate (
    plan_id             VARCHAR        NOT NULL,
    version             INTEGER        NOT NULL,
    rate_id             VARCHAR        NOT NULL,
    position            INTEGER        NOT NULL,
    type                VARCHAR        NOT NULL,
    prefix              VARCHAR        NOT NULL,
    band                VARCHAR,
    connection_fee      DECIMAL(18, 6) NOT NULL,
    price_per_unit      DECIMAL(18, 6) NOT NULL,
    unit_sec            INTEGER        NOT NULL,
    first_increment_sec INTEGER        NOT NULL,
    increment_sec       INTEGER        NOT NULL,
    min_cost            DECIMAL(18, 6),
    max_cost            DECIMAL(18, 6),
    rounding            VARCHAR        NOT NULL,
    decimals            INTEGER        NOT NULL,
    PRIMARY KEY (plan_id, version, rate_id)
);

-- Subscribers (E.164) not listed here are on the default plan.
CREATE TABLE tariff_assignment (
    subscriber VARCHAR PRIMARY KEY,
    plan_id    VARCHAR NOT NULL
);

-- default_plan and zone; no rows means no tariff set has been loaded.
CREATE TABLE tariff_setting (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
