-- Bulk runs an operator starts (skylink bulk ...) are change sets too, so their entities get outcomes from the same
-- completions; RE never heard of them, so they are never acknowledged to RE (source OPERATOR).
ALTER TABLE change_set ADD COLUMN source varchar(16) NOT NULL DEFAULT 'EDS' CHECK (source IN ('EDS', 'OPERATOR'));
-- What an operator run resyncs (customers, products, price-groups), when it was cancelled, and its --since: entities
-- whose latest outcome is SYNCED or UNCHANGED at or after it are left out.
ALTER TABLE change_set ADD COLUMN bulk_type varchar(32);
ALTER TABLE change_set ADD COLUMN cancelled_at timestamptz;
ALTER TABLE change_set ADD COLUMN since timestamptz;
-- CANCELLED: an entity of a cancelled run whose event had not been published yet.
ALTER TABLE change_set_entity DROP CONSTRAINT change_set_entity_outcome_check;
ALTER TABLE change_set_entity ADD CONSTRAINT change_set_entity_outcome_check
    CHECK (outcome IN ('PENDING', 'SYNCED', 'UNCHANGED', 'FAILED', 'DEAD_LETTERED', 'PARKED', 'UNSUPPORTED', 'IGNORED', 'EXPANDED', 'CANCELLED'));
-- --since looks up an entity's latest outcome across change sets.
CREATE INDEX change_set_entity_by_entity ON change_set_entity (entity_type, entity_id, finished_at);
