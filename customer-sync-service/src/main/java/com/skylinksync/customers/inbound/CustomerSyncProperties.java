package com.skylinksync.customers.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Retail Express customers land in Magento ({@code skylink.customers.*}).
 *
 * @param websiteId           Magento website new customers are created in (accounts are shared globally, as in the original extension)
 * @param fillMissingRequired fill fields Magento requires but RE left empty (names, street, city, postcode, country,
 *                            telephone) with placeholders, as the original's "fake data" option; off, such a customer
 *                            is a permanent error naming the field, for someone to complete it in RE
 * @param placeholderCountry  the country a filled-in address gets
 */
@ConfigurationProperties("skylink.customers")
public record CustomerSyncProperties(@DefaultValue("1") int websiteId,
                                     @DefaultValue("false") boolean fillMissingRequired,
                                     @DefaultValue("AU") String placeholderCountry) {
}
