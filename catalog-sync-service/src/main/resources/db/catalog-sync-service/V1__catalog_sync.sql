-- Retail Express → Magento catalog sync.

-- Which Magento option each RE attribute option became (reference 3.4: "the link kept per option"), so a relabelled
-- RE option relabels its Magento option instead of creating a second one.
CREATE TABLE attribute_option_link (
    re_code           text   NOT NULL,   -- brand, colour, size, ...
    re_option_id      text   NOT NULL,
    magento_code      text   NOT NULL,
    magento_option_id text   NOT NULL,
    PRIMARY KEY (re_code, re_option_id)
);

-- What was last written to each Magento write target (a product's own fields, its stock, its prices, a
-- configurable's links): the hash of the RE content it came from, and where it went, so a product whose RE data did
-- not change costs no Magento write, and a stock-only change writes only the stock.
CREATE TABLE write_target (
    target       text        PRIMARY KEY,   -- product:<RE id>, stock:<RE id>, prices:<RE id>, matrix:<manufacturer SKU>
    content_hash text        NOT NULL,
    magento_id   bigint,
    magento_sku  text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
