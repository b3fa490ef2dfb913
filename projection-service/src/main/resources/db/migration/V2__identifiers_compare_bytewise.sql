-- Identifiers are ASCII (their pattern allows nothing else), so ordering them by the database's linguistic
-- collation only costs: every comparison in a key index then goes through the C library's strcoll. The "C"
-- collation compares bytes, orders these identifiers the same way, and leaves the key indexes (rebuilt here) as
-- cheap to maintain as the integer ones, which a replay notices: it inserts some 3 index entries per event.
ALTER TABLE regime_budget
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE company_account
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN company_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE safety_case
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN case_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN company_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN status TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE transfer
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN transfer_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE regime_history
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE company_movement
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN company_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE projection_gap
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN kind TYPE VARCHAR(16) COLLATE "C";
