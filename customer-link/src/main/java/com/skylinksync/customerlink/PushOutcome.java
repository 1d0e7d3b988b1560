package com.skylinksync.customerlink;

import java.util.Locale;

/** What one poll did with one changed Magento customer (the {@code outcome} tag of {@code skylink.customers.push}). */
public enum PushOutcome {
    /** A new RE customer, its id written back to Magento. */
    CREATED,
    /** The linked RE customer was updated. */
    UPDATED,
    /** Nothing RE holds changed (or this version was handled already). */
    UNCHANGED,
    /** RE refused the content: recorded, skipped until the customer changes again. */
    REJECTED,
    /** An RE create of unknown outcome: left for an operator. */
    PARKED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
