-- A registered customer's order pushes the customer to RE first (module customer-link): its ledger, the same table
-- customer-sync-service keeps (see customer-link's PushLedger), here in this service's own schema.
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

-- A link rebuilt from Magento (the order's comment) or RE (the order's private comment) instead of recorded when the
-- order was created here: this database has lost that order's history, so a payment with no payment_link row is
-- looked for in Magento's comments and RE's payments before it is sent.
ALTER TABLE order_link ADD COLUMN rebuilt boolean NOT NULL DEFAULT false;
