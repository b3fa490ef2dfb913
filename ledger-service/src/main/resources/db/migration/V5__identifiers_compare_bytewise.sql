-- Every command looks up and inserts keys in these indexes (its regime's events, its idempotency record). Under
-- the database's linguistic collation each comparison goes through the C library's strcoll; the "C" collation
-- compares bytes. Equality, and so uniqueness, is the same under both; only the order inside the index changes,
-- and no query pages by these columns.
ALTER TABLE domainevententry
    ALTER COLUMN aggregateidentifier TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN eventidentifier TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE snapshotevententry
    ALTER COLUMN aggregateidentifier TYPE VARCHAR(255) COLLATE "C",
    ALTER COLUMN eventidentifier TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE tokenentry
    ALTER COLUMN processorname TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE idempotency_record
    ALTER COLUMN principal TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN idempotency_key TYPE VARCHAR(200) COLLATE "C";
ALTER TABLE case_deadline
    ALTER COLUMN regime_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN case_id TYPE VARCHAR(64) COLLATE "C";
