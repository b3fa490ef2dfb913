-- When each deployed case's window ends, so a sweep can expire it: kept by a tracking processor from the events,
-- rebuilt from them if lost.
CREATE TABLE case_deadline (
    regime_id  VARCHAR(64)  NOT NULL,
    case_id    VARCHAR(64)  NOT NULL,
    window_end TIMESTAMPTZ  NOT NULL,
    accepted   BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (regime_id, case_id)
);
CREATE INDEX case_deadline_due ON case_deadline (window_end) WHERE accepted;
