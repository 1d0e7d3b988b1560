package com.skylinksync.magento.catalog;

/** A website ({@code GET /V1/store/websites}); id 0 is the admin website. */
public record MagentoWebsite(int id, String code, String name, int defaultGroupId) {
}
