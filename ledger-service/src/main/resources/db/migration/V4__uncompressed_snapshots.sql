-- A large regime's snapshot is megabytes of JSON, written again every few seconds while the regime is busy.
-- PostgreSQL's default compresses such a value on every write, at a cost in CPU; only the latest snapshot of each
-- regime is kept, so storing it as it is costs little room.
ALTER TABLE snapshotevententry ALTER COLUMN payload SET STORAGE EXTERNAL;
