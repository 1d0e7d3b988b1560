-- Which Magento attribute (by id) each option link belongs to: an attribute deleted and created again in Magento has
-- a new id and none of the old options, so links to the old one must not be used (they are made again by label).
ALTER TABLE attribute_option_link ADD COLUMN magento_attribute_id integer;
