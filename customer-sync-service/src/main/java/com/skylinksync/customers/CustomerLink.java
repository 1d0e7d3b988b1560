package com.skylinksync.customers;

/**
 * How a Magento customer is linked to its Retail Express customer: the RE id in a custom attribute, as the original
 * extension kept it, so the link survives a lost service database. Both sync directions read and write it.
 */
public final class CustomerLink {

    /** The Magento customer custom attribute holding the RE customer id. */
    public static final String MAGENTO_ATTRIBUTE = "skylink_customer_id";

    private CustomerLink() {
    }
}
