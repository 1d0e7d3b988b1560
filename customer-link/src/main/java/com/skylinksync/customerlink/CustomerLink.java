package com.skylinksync.customerlink;

import com.skylinksync.magento.customers.MagentoCustomer;
import java.util.Optional;

/**
 * How a Magento customer is linked to its Retail Express customer: the RE id in a custom attribute, as the original
 * extension kept it, so the link survives a lost service database. Both sync directions, and the order push, read and
 * write it.
 */
public final class CustomerLink {

    /** The Magento customer custom attribute holding the RE customer id. */
    public static final String MAGENTO_ATTRIBUTE = "skylink_customer_id";

    private CustomerLink() {
    }

    /** The RE customer id the Magento customer is linked to; empty when unlinked (or the value is not an id). */
    public static Optional<Integer> retailExpressId(MagentoCustomer customer) {
        String link = customer.customAttribute(MAGENTO_ATTRIBUTE);
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(link.strip()));
        } catch (NumberFormatException notAnId) {
            return Optional.empty(); // treated as unlinked; the RE → Magento side reports such links
        }
    }
}
