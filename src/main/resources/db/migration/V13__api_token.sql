-- API tokens (issue 8, docs/OPERATIONS.md). Only the SHA-256 of a token is kept: the token itself is shown
-- once, when it is created. A revoked token keeps its row (who had access, and until when).
CREATE TABLE api_token (
    id         INTEGER     PRIMARY KEY,
    name       VARCHAR     NOT NULL,
    role       VARCHAR     NOT NULL,
    token_hash VARCHAR     NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
