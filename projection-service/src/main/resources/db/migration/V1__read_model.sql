-- The read model: what the events of each regime add up to, kept by the projection's consumer. Every table can be
-- rebuilt from the events topic (POST /api/v1/admin/rebuild truncates them all but projection_state).
-- Amounts are whole ppb (BIGINT), never floating point; instants are UTC.

-- One row per regime: its totals after its last applied event, and that event's sequence and hash, which is also
-- the consumer's de-duplication position (an event at or below last_sequence was applied already).
CREATE TABLE regime_budget (
    regime_id      VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    cap_ppb        BIGINT       NOT NULL,
    pool_ppb       BIGINT       NOT NULL,
    available_ppb  BIGINT       NOT NULL,
    reserved_ppb   BIGINT       NOT NULL,
    spent_ppb      BIGINT       NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    last_hash      CHAR(64)     NOT NULL,
    opened_at      TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    -- The double-entry invariant, asserted by the consumer too: a row that breaks it can never be stored.
    CONSTRAINT regime_budget_balanced CHECK (pool_ppb + available_ppb + reserved_ppb + spent_ppb = cap_ppb)
);

CREATE TABLE company_account (
    regime_id            VARCHAR(64)  NOT NULL,
    company_id           VARCHAR(64)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    allocated_ppb        BIGINT       NOT NULL,
    net_transferred_ppb  BIGINT       NOT NULL,
    available_ppb        BIGINT       NOT NULL,
    reserved_ppb         BIGINT       NOT NULL,
    spent_ppb            BIGINT       NOT NULL,
    registered_at        TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (regime_id, company_id)
);

CREATE TABLE safety_case (
    regime_id        VARCHAR(64)  NOT NULL,
    case_id          VARCHAR(64)  NOT NULL,
    company_id       VARCHAR(64)  NOT NULL,
    system_name      VARCHAR(200) NOT NULL,
    system_version   VARCHAR(100) NOT NULL,
    capability_tier  VARCHAR(16)  NOT NULL,
    window_from      TIMESTAMPTZ  NOT NULL,
    window_to        TIMESTAMPTZ  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    risk_ppb         BIGINT       NOT NULL,
    charged_ppb      BIGINT       NOT NULL,
    reserved_ppb     BIGINT       NOT NULL,
    flags            TEXT[]       NOT NULL,
    depends_on       TEXT[]       NOT NULL,
    submitted_at     TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (regime_id, case_id)
);
-- The case list filters by company or status and pages by case id.
CREATE INDEX safety_case_by_company ON safety_case (regime_id, company_id, case_id);
CREATE INDEX safety_case_by_status ON safety_case (regime_id, status, case_id);

CREATE TABLE transfer (
    regime_id        VARCHAR(64)  NOT NULL,
    transfer_id      VARCHAR(64)  NOT NULL,
    from_company_id  VARCHAR(64)  NOT NULL,
    to_company_id    VARCHAR(64)  NOT NULL,
    amount_ppb       BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    requested_at     TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (regime_id, transfer_id)
);

-- One row per applied event with the regime's totals right after it: point-in-time (asOf) answers and the
-- burn-down series.
CREATE TABLE regime_history (
    regime_id     VARCHAR(64)  NOT NULL,
    sequence      BIGINT       NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    event_type    VARCHAR(40)  NOT NULL,
    hash          CHAR(64)     NOT NULL,
    pool_ppb      BIGINT       NOT NULL,
    reserved_ppb  BIGINT       NOT NULL,
    spent_ppb     BIGINT       NOT NULL,
    PRIMARY KEY (regime_id, sequence)
);
CREATE INDEX regime_history_by_time ON regime_history (regime_id, occurred_at, sequence);

-- One row per event that moved a company's balances (and its registration), with the balances right after it:
-- the company's statement.
CREATE TABLE company_movement (
    regime_id            VARCHAR(64)  NOT NULL,
    company_id           VARCHAR(64)  NOT NULL,
    sequence             BIGINT       NOT NULL,
    occurred_at          TIMESTAMPTZ  NOT NULL,
    event_type           VARCHAR(40)  NOT NULL,
    hash                 CHAR(64)     NOT NULL,
    allocated_ppb        BIGINT       NOT NULL,
    net_transferred_ppb  BIGINT       NOT NULL,
    available_ppb        BIGINT       NOT NULL,
    reserved_ppb         BIGINT       NOT NULL,
    spent_ppb            BIGINT       NOT NULL,
    PRIMARY KEY (regime_id, company_id, sequence)
);
CREATE INDEX company_movement_by_time ON company_movement (regime_id, company_id, occurred_at, sequence);

-- Events the consumer refused to apply because the regime's chain did not continue with them: an event is missing
-- (GAP) or does not link to the last applied one (BROKEN_CHAIN). Resolved once the regime has moved past it.
CREATE TABLE projection_gap (
    regime_id          VARCHAR(64)  NOT NULL,
    expected_sequence  BIGINT       NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    received_sequence  BIGINT       NOT NULL,
    topic_partition    INTEGER      NOT NULL,
    record_offset      BIGINT       NOT NULL,
    detected_at        TIMESTAMPTZ  NOT NULL,
    last_seen_at       TIMESTAMPTZ  NOT NULL,
    resolved_at        TIMESTAMPTZ,
    PRIMARY KEY (regime_id, expected_sequence, kind)
);

-- The rebuild generation: bumped by every rebuild, and written with each committed Kafka offset, so every consumer
-- of the group (after a crash too) knows whether its offsets still belong to the read model.
CREATE TABLE projection_state (
    id                  SMALLINT     PRIMARY KEY CHECK (id = 1),
    rebuild_generation  BIGINT       NOT NULL,
    rebuilt_at          TIMESTAMPTZ
);
INSERT INTO projection_state (id, rebuild_generation) VALUES (1, 0);
