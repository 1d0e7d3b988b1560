-- One outbox row per registration (a change set, or a bulk chunk) instead of one per event: its events framed in one
-- bytea (topic, key and payload of each, in order; OutboxEvents in the gateway), their keys in message_keys (what
-- cancelling a bulk run looks for), their number in event_count. A 1,000-entity change set is one row written and
-- one deleted, not 1,000 of each.
-- Rows written before this migration keep their shape (one event in topic, message_key, payload; event_count 1) and
-- the relay still publishes them.
ALTER TABLE outbox ALTER COLUMN topic DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN message_key DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN events bytea;
ALTER TABLE outbox ADD COLUMN message_keys text[];
ALTER TABLE outbox ADD COLUMN event_count integer NOT NULL DEFAULT 1 CHECK (event_count > 0);
-- Set when the request that registered the row publishes its events itself (ImmediatePublisher): the relay leaves
-- the row alone until then, so the two do not publish it twice; a crash leaves it to the relay once it passes.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
-- Avro payloads compress poorly and the row lives for milliseconds: do not spend the CPU on pglz.
ALTER TABLE outbox ALTER COLUMN events SET STORAGE EXTERNAL;
ALTER TABLE outbox ADD CONSTRAINT outbox_event_or_events CHECK (
    (events IS NULL AND message_keys IS NULL AND topic IS NOT NULL AND message_key IS NOT NULL AND payload IS NOT NULL AND event_count = 1)
    OR (events IS NOT NULL AND message_keys IS NOT NULL AND topic IS NULL AND message_key IS NULL AND payload IS NULL));
