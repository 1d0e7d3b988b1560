package com.skylinksync.customers.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Retail Express customers land in Magento ({@code skylink.customers.*}).
 *
 * @param websiteId Magento website new customers are created in (accounts are shared globally, as in the original extension)
 */
@ConfigurationProperties("skylink.customers")
public record CustomerSyncProperties(@DefaultValue("1") int websiteId) {
}
