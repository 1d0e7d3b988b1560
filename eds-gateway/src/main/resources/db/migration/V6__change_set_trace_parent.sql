-- The W3C traceparent of the EDS request that registered the change set: the outbox relay publishes its events as
-- children of that request's span, so one trace runs from RE's request through Kafka to the syncs and the acknowledgement.
-- Null for change sets registered before traces were recorded: their events continue the trace id alone.
ALTER TABLE change_set ADD COLUMN trace_parent varchar(55);
