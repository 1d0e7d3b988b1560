package com.skylinksync.magento.directory;

/** A customer address region as Magento holds it: a known region has an id and code; free text has id 0. */
public record MagentoRegion(Integer regionId, String regionCode, String region) {
}
