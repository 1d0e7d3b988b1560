package com.skylinksync.drift;

import java.util.Locale;

/**
 * The kinds of difference a comparison reports, each in one scope, in the order merchants' comparison reports list
 * them (product errors first: they are what to fix first).
 */
public enum DriftCategory {
    /** An RE product that cannot be synced as it is (matrix missing a size/colour, duplicate combination, a SKU Magento refuses). */
    PRODUCT_CANNOT_SYNC(DriftScope.PRODUCTS),
    /** On the RE channel, not in Magento (no product linked by {@code skylink_product_id}, or no configurable for a matrix). */
    PRODUCT_MISSING_IN_MAGENTO(DriftScope.PRODUCTS),
    /** Linked in Magento to an RE product that RE no longer has on any compared channel. */
    PRODUCT_GONE_FROM_RETAIL_EXPRESS(DriftScope.PRODUCTS),
    /** A configurable whose linked children differ from the RE matrix. */
    CONFIGURABLE_CHILDREN(DriftScope.PRODUCTS),
    /** Quantity, in-stock flag, stock management or the qty_available/qty_on_order attributes differ. */
    STOCK(DriftScope.PRODUCTS),
    /** Regular price, special price or its dates, or tier prices per customer group and website differ. */
    PRICE(DriftScope.PRODUCTS),
    /** Name, manufacturer SKU, weight, websites or one of the eight RE attributes differ. */
    ATTRIBUTE(DriftScope.PRODUCTS),
    /** A linked customer whose mapped fields (names, email, newsletter, default addresses) differ. */
    CUSTOMER_FIELDS(DriftScope.CUSTOMERS),
    /** A Magento customer linked to an RE customer id that RE no longer has. */
    CUSTOMER_GONE_FROM_RETAIL_EXPRESS(DriftScope.CUSTOMERS),
    /** A Magento order older than the threshold with no RE order (no link, or a link RE does not know). */
    ORDER_NOT_IN_RETAIL_EXPRESS(DriftScope.ORDERS),
    /** A Magento invoice with no RE payment (never paid into RE, or its RE payment is gone). */
    INVOICE_WITHOUT_PAYMENT(DriftScope.ORDERS),
    /** RE payments cover the order but Magento has no invoice. */
    PAYMENT_NOT_IN_MAGENTO(DriftScope.ORDERS),
    /** An RE fulfilment batch with no Magento shipment. */
    FULFILLMENT_NOT_IN_MAGENTO(DriftScope.ORDERS);

    private final DriftScope scope;

    DriftCategory(DriftScope scope) {
        this.scope = scope;
    }

    public DriftScope scope() {
        return scope;
    }

    /** Lower-case with dashes, as the CLI and metrics spell it: {@code price}, {@code product-cannot-sync}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DriftCategory of(String label) {
        for (DriftCategory category : values()) {
            if (category.label().equals(label.strip().toLowerCase(Locale.ROOT)) || category.name().equalsIgnoreCase(label.strip())) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown drift category '" + label + "'");
    }
}
