-- Bulk EDS types (SalesChannel, BulkCustomer) expand into the entities they stand for, in the background.

-- EXPANDED: a bulk entity whose enumerated entities were all added to its change set (they carry their own outcomes).
ALTER TABLE change_set_entity DROP CONSTRAINT change_set_entity_outcome_check;
ALTER TABLE change_set_entity ADD CONSTRAINT change_set_entity_outcome_check
    CHECK (outcome IN ('PENDING', 'SYNCED', 'UNCHANGED', 'FAILED', 'DEAD_LETTERED', 'UNSUPPORTED', 'IGNORED', 'EXPANDED'));
-- EDS: named by RE's change set. BULK: enumerated from RE for a bulk entity of the same change set.
ALTER TABLE change_set_entity ADD COLUMN origin varchar(8) NOT NULL DEFAULT 'EDS' CHECK (origin IN ('EDS', 'BULK'));

-- One row per bulk entity still to enumerate (or enumerated). Written in the registration's transaction, so a
-- registered bulk request is never lost; next_attempt_at is both the retry schedule and the lease of the replica
-- that claimed it (a claim pushes it into the future; a crashed claimer's row becomes due again).
CREATE TABLE bulk_expansion (
    change_set_id   varchar(64)  NOT NULL REFERENCES change_set (id) ON DELETE CASCADE,
    eds_type        varchar(64)  NOT NULL,
    entity_id       varchar(64)  NOT NULL,
    status          varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    enumerated      integer,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    finished_at     timestamptz,
    PRIMARY KEY (change_set_id, eds_type, entity_id),
    FOREIGN KEY (change_set_id, eds_type, entity_id) REFERENCES change_set_entity (change_set_id, eds_type, entity_id) ON DELETE CASCADE
);

CREATE INDEX bulk_expansion_due ON bulk_expansion (next_attempt_at) WHERE status = 'PENDING';

-- GET /changesets lists newest first, filtered by received time.
CREATE INDEX change_set_by_received ON change_set (received_at DESC, id);
