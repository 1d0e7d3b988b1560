package com.skylinksync.schemas;

import com.skylinksync.schemas.avro.EntityType;

/** Kafka topic names: the one place they are spelled. */
public final class Topics {

    public static final String CUSTOMERS = "skylink.re.customers";
    public static final String PRICE_GROUPS = "skylink.re.price-groups";
    public static final String ATTRIBUTES = "skylink.re.attributes";
    public static final String PRODUCTS = "skylink.re.products";
    public static final String ORDERS = "skylink.re.orders";
    public static final String OUTLETS = "skylink.re.outlets";
    /** Magento-side customer changes, keyed by Magento customer id. */
    public static final String MAGENTO_CUSTOMERS = "skylink.magento.customers";
    /** Magento-side order and invoice changes, keyed by Magento entity id. */
    public static final String MAGENTO_ORDERS = "skylink.magento.orders";
    public static final String COMPLETIONS = "skylink.sync.completions";
    /** Compacted, keyed by participant id: {@code BudgetReport}s of the shared RE API budget. */
    public static final String RE_BUDGET = "skylink.re.budget";

    /** Suffix spring-kafka's dead-letter publishing uses for a topic's dead letters. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The topic that carries {@code EntityChanged} events for an entity type (Magento invoices travel with orders). */
    public static String forEntityType(EntityType type) {
        return switch (type) {
            case CUSTOMER -> CUSTOMERS;
            case PRICE_GROUP -> PRICE_GROUPS;
            case ATTRIBUTE_OPTION -> ATTRIBUTES;
            case PRODUCT -> PRODUCTS;
            case ORDER -> ORDERS;
            case OUTLET -> OUTLETS;
            case MAGENTO_CUSTOMER -> MAGENTO_CUSTOMERS;
            case MAGENTO_ORDER, MAGENTO_INVOICE -> MAGENTO_ORDERS;
            case UNKNOWN -> throw new IllegalArgumentException("No topic carries entities of unknown type");
        };
    }

    public static String deadLetters(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
