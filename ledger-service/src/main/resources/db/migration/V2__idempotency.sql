-- One row per (caller, Idempotency-Key): written in the same transaction as the command's events, so a retry
-- either finds the first answer or finds nothing because nothing happened.
CREATE TABLE idempotency_record (
    principal       VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    result_type     VARCHAR(200),
    result_json     TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);
