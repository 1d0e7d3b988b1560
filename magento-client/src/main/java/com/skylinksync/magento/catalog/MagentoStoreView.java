package com.skylinksync.magento.catalog;

/** A store view ({@code GET /V1/store/storeViews}); its code is what a store-scoped URL names. */
public record MagentoStoreView(int id, String code, String name, int websiteId, int storeGroupId) {
}
