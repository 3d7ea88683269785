-- Saved marketing plans (target lists): a name and its criteria. Runs on DuckDB and PostgreSQL. See
-- dev.switchboard.marketing.plan.PlanStore and docs/MARKETING.md ("Policy & plan").
--
-- criteria is the JSON form of PlanCriteria as text (tags, business_types, weekdays, from_hour, to_hour,
-- country, min_calls, days), written and read by the application only. Saving an existing name replaces
-- its criteria and updated_at and keeps created_at.
CREATE TABLE marketing_plan (
    name       VARCHAR     PRIMARY KEY,
    criteria   VARCHAR     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
