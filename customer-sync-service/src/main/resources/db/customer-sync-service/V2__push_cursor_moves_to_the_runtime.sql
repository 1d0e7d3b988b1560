-- The poll of Magento customers is now a change source of the sync runtime: its cursor and lease live in the
-- runtime's change_source_cursor (source magento-customers), so this table has no reader any more.
DROP TABLE customer_push_cursor;
