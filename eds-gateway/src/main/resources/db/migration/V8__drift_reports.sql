-- Drift (issue 14). Numbered after the issue, not after V5, so migrations other branches add meanwhile (V6...) do not
-- collide with it; Flyway applies versions in order on a fresh schema, and this one depends only on V2 and V5.

-- Each comparison's report (the last one is what the console, the CLI and the metrics show), as the JSON the API serves.
CREATE TABLE drift_report (
    id          varchar(64)  PRIMARY KEY,
    scope       varchar(16)  NOT NULL,
    started_at  timestamptz  NOT NULL,
    finished_at timestamptz  NOT NULL,
    complete    boolean      NOT NULL,
    items       integer      NOT NULL,
    report      text         NOT NULL
);
CREATE INDEX drift_report_newest ON drift_report (finished_at DESC);

-- DRIFT: a corrective sync of a drift heal, which is a tracked run (change set of source OPERATOR, bulk_type drift).
ALTER TABLE change_set_entity DROP CONSTRAINT change_set_entity_origin_check;
ALTER TABLE change_set_entity ADD CONSTRAINT change_set_entity_origin_check CHECK (origin IN ('EDS', 'BULK', 'DRIFT'));
