-- The sync runtime's entity status store: one row per entity a service has ever been asked to sync.
-- The runtime migrates its tables itself, with its own schema history (sync_runtime_schema_history).
CREATE TABLE entity_status (
    entity_type     text        NOT NULL,
    entity_id       text        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    last_synced_at  timestamptz,
    -- hash of the content last written to Magento: an equal hash means there is nothing to write
    content_hash    text,
    magento_id      text,
    last_change_set text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity_type, entity_id)
);

-- GET /entities?status=FAILED pages through one status, most recently changed first.
CREATE INDEX entity_status_by_status ON entity_status (status, updated_at DESC);
