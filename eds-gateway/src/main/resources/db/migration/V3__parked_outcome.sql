-- PARKED: a write of unknown outcome parked for an operator. Terminal, with failure, like DEAD_LETTERED: the change
-- set is acknowledged as processed with failures (ACKNOWLEDGED_WITH_FAILURES) and shows the entity as PARKED.
ALTER TABLE change_set_entity DROP CONSTRAINT change_set_entity_outcome_check;
ALTER TABLE change_set_entity ADD CONSTRAINT change_set_entity_outcome_check
    CHECK (outcome IN ('PENDING', 'SYNCED', 'UNCHANGED', 'FAILED', 'DEAD_LETTERED', 'PARKED', 'UNSUPPORTED', 'IGNORED', 'EXPANDED'));
