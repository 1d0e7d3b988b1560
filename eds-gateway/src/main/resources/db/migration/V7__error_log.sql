-- The log of recent errors the console shows (issue 11; the original's log page): every failure an entity's sync
-- reported (FAILED and being retried: WARN; DEAD_LETTERED or PARKED: ERROR), by every service, as the completions
-- carried it. Kept in PostgreSQL, not in a replica's memory, so every gateway replica shows the same log.
-- Versioned 5.1 so it sorts after V5 whatever another branch numbers next.
CREATE TABLE error_log (
    id            BIGSERIAL PRIMARY KEY,
    -- topic:partition:offset of the completion: a completion delivered twice is logged once.
    record_ref    TEXT NOT NULL UNIQUE,
    logged_at     TIMESTAMPTZ NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('WARN', 'ERROR')),
    outcome       TEXT NOT NULL,
    service       TEXT NOT NULL,
    entity_type   TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    attribute_code TEXT,
    change_set_id TEXT,
    trace_id      TEXT,
    attempts      INTEGER NOT NULL,
    error_code    TEXT,
    message       TEXT
);
CREATE INDEX error_log_errors ON error_log (id) WHERE level = 'ERROR';
