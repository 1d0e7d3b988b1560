-- Magento → Retail Express customer push.

-- Where the poll of Magento customers by updated_at has got to, and which pod may poll now (a lease, so two
-- pods never push the same change twice; a stopping pod gives it up, a dead one's lease runs out).
CREATE TABLE customer_push_cursor (
    name            text        PRIMARY KEY,
    -- Magento updated_at ('yyyy-MM-dd HH:mm:ss', UTC): the next poll asks for updated_at >= this
    high_water_mark text        NOT NULL,
    lease_owner     text,
    lease_until     timestamptz NOT NULL DEFAULT '-infinity'
);

-- What Retail Express holds of each Magento customer, as far as this service knows: the hash of the RE-owned
-- content last pushed to RE or written from RE (equal hash = nothing to push), the linked RE id (kept here before
-- it is written back to Magento, so a failed write-back never causes a second RE customer), and the Magento
-- updated_at of the version last handled (for operators: the poll re-reads a second with gteq, and recognises a
-- customer it handled by content_hash, since two saves within one second share an updated_at).
CREATE TABLE customer_push (
    magento_id      bigint      PRIMARY KEY,
    re_customer_id  integer,
    -- CREATING: an RE create was sent and not yet confirmed; IN_STEP: RE holds content_hash;
    -- REJECTED: RE refused content_hash (retried when the content changes); PARKED: outcome unknown, for an operator
    state           text        NOT NULL,
    content_hash    text,
    seen_updated_at text,
    last_error      text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX customer_push_by_state ON customer_push (state) WHERE state IN ('PARKED', 'REJECTED', 'CREATING');
