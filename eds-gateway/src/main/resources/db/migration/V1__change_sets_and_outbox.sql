-- The EDS change-set registry, the transactional outbox, and acknowledgement state.
-- Flyway runs this in schema eds_gateway (spring.flyway.schemas); the app reaches it through search_path.

-- One row per EDS change set. The primary key is what makes a repeated or concurrent duplicate PUT register once.
CREATE TABLE change_set (
    id               varchar(64)  PRIMARY KEY,            -- RE's ChangesetId, or one derived from the content when RE sent none
    id_derived       boolean      NOT NULL,
    client_id        uuid         NOT NULL,
    sales_channel_id integer      NOT NULL,
    trace_id         uuid         NOT NULL,
    entity_count     integer      NOT NULL,
    received_at      timestamptz  NOT NULL,
    -- OPEN: entities still syncing. ACKNOWLEDGING: one replica claimed the RE acknowledgement (ack_claimed_at is its lease).
    -- ACKNOWLEDGED / ACKNOWLEDGED_WITH_FAILURES: RE was told (the latter when an entity was dead-lettered).
    status           varchar(32)  NOT NULL DEFAULT 'OPEN'
        CHECK (status IN ('OPEN', 'ACKNOWLEDGING', 'ACKNOWLEDGED', 'ACKNOWLEDGED_WITH_FAILURES')),
    ack_claimed_at   timestamptz,
    ack_attempts     integer      NOT NULL DEFAULT 0,
    ack_error        text,
    acknowledged_at  timestamptz
);

-- The sweep looks for change sets that still need an acknowledgement; acknowledged ones are the vast majority.
CREATE INDEX change_set_unacknowledged ON change_set (status, ack_claimed_at) WHERE status IN ('OPEN', 'ACKNOWLEDGING');

-- One row per distinct entity of a change set, with its latest reported outcome.
CREATE TABLE change_set_entity (
    change_set_id  varchar(64)  NOT NULL REFERENCES change_set (id) ON DELETE CASCADE,
    eds_type       varchar(64)  NOT NULL,                 -- the Type exactly as RE sent it (Customer, Brand, Voucher, ...)
    entity_id      varchar(64)  NOT NULL,
    entity_type    varchar(32),                           -- the EntityType events carry; null when not synced
    attribute_code varchar(32),                           -- for attribute options: brand, colour, size, ...
    -- PENDING and FAILED are not terminal; everything else is. UNSUPPORTED and IGNORED are set at registration.
    outcome        varchar(32)  NOT NULL
        CHECK (outcome IN ('PENDING', 'SYNCED', 'UNCHANGED', 'FAILED', 'DEAD_LETTERED', 'UNSUPPORTED', 'IGNORED')),
    attempts       integer      NOT NULL DEFAULT 0,
    error_code     varchar(128),
    error_message  text,
    service        varchar(64),
    finished_at    timestamptz,
    PRIMARY KEY (change_set_id, eds_type, entity_id)
);

-- Completions name the entity by (change set, EntityType, id), not by RE's Type.
CREATE INDEX change_set_entity_by_type ON change_set_entity (change_set_id, entity_type, entity_id);

-- Events registered with their change set, in the same transaction, waiting to be published. A row is deleted
-- once Kafka has acknowledged its event: the table holds only the backlog.
CREATE TABLE outbox (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_set_id varchar(64)  NOT NULL,
    topic         varchar(249) NOT NULL,
    message_key   varchar(64)  NOT NULL,
    payload       bytea        NOT NULL,                  -- EntityChanged, Avro single-object encoded
    created_at    timestamptz  NOT NULL,
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    text
);

CREATE INDEX outbox_by_change_set ON outbox (change_set_id);
