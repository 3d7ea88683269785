-- The cost proof of a rated CDR (JSON: plan version, rate, prefix, band, increments, free units,
-- rounding, total), served by GET /api/cdr/{id}/cost.
ALTER TABLE cdr ADD COLUMN cost_proof VARCHAR;
