-- Written ids are target ids, whichever system they live in: Magento for syncs from Retail Express, Retail Express
-- for pushes from Magento.
ALTER TABLE entity_status RENAME COLUMN magento_id TO target_id;

-- Change sources (Magento polled by updated_at): where each has got to, and which pod may poll it now. A lease, so
-- two pods never poll one source at once; a stopping pod gives it up, a dead one's lease runs out.
CREATE TABLE change_source_cursor (
    name        text        PRIMARY KEY,
    cursor      text        NOT NULL,
    lease_owner text,
    lease_until timestamptz NOT NULL DEFAULT '-infinity',
    updated_at  timestamptz NOT NULL DEFAULT now()
);
