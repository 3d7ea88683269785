-- The business directory: E.164 numbers and prefixes mapped to a business type. Runs on DuckDB and
-- PostgreSQL. See dev.switchboard.marketing.DirectoryStore and docs/MARKETING.md.
--
-- prefix is '+' and 1 to 15 digits, exactly as cdr.called_number is stored after mediation, so that
-- "starts_with(called_number, prefix)" is the match. A called number belongs to the entry with the
-- LONGEST matching prefix; numbers no entry matches are tag PRIVATE. tag is the business type's
-- group, stored beside it so that SQL can group by it without a CASE. name is optional.
CREATE TABLE business_directory (
    prefix        VARCHAR PRIMARY KEY,
    business_type VARCHAR NOT NULL,
    tag           VARCHAR NOT NULL,
    name          VARCHAR
);
