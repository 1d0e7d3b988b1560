-- The order loop's idempotency ledger: an intent is written before each external write, its outcome after.
-- A row still in an intent state (CREATING, PAYING, INVOICING, SHIPPING) after a crash is resolved by reading the
-- other side where that can tell, and parked where it cannot.

-- Magento order → RE order (OrderCreateByChannel).
CREATE TABLE order_link (
    magento_order_id BIGINT PRIMARY KEY,
    re_order_id      TEXT UNIQUE,
    state            TEXT        NOT NULL,   -- CREATING, CREATED (RE id known), LINKED (written back to Magento), PARKED
    sales_channel_id INT         NOT NULL,
    payment_method   TEXT,
    last_error       TEXT,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Which RE product each top-level Magento order line was sent as: maps RE fulfilments back to order items.
CREATE TABLE order_line (
    magento_order_id BIGINT NOT NULL,
    magento_item_id  BIGINT NOT NULL,
    re_product_id    INT    NOT NULL,
    PRIMARY KEY (magento_order_id, magento_item_id)
);

-- Magento invoice → RE payment (OrderAddPayment).
CREATE TABLE payment_link (
    magento_invoice_id BIGINT PRIMARY KEY,
    magento_order_id   BIGINT         NOT NULL,
    re_order_id        TEXT           NOT NULL,
    state              TEXT           NOT NULL,   -- PAYING, PAID, PARKED
    method_id          INT            NOT NULL,
    amount             NUMERIC(14, 4) NOT NULL,
    made_at            TIMESTAMPTZ    NOT NULL,
    re_payment_id      INT UNIQUE,
    updated_at         TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- RE payments covering the order → one Magento invoice (InvoiceOrder).
CREATE TABLE re_invoice (
    re_order_id        TEXT PRIMARY KEY,
    magento_order_id   BIGINT      NOT NULL,
    state              TEXT        NOT NULL,   -- INVOICING, INVOICED
    magento_invoice_id BIGINT,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- RE fulfilment batch → one Magento shipment (ShipOrder).
CREATE TABLE re_shipment (
    batch_id            TEXT PRIMARY KEY,
    re_order_id         TEXT        NOT NULL,
    magento_order_id    BIGINT      NOT NULL,
    state               TEXT        NOT NULL,   -- SHIPPING, SHIPPED
    magento_shipment_id BIGINT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- RE orders EDS announced that did not come from Magento (sales in RE's own POS): recorded, not errors.
CREATE TABLE foreign_order (
    re_order_id TEXT PRIMARY KEY,
    first_seen  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The outlets of each sales channel (Click & Collect names and addresses).
CREATE TABLE outlet (
    sales_channel_id INT  NOT NULL,
    outlet_id        INT  NOT NULL,
    name             TEXT NOT NULL,
    address          TEXT NOT NULL,
    phone            TEXT NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (sales_channel_id, outlet_id)
);
