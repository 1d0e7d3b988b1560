package com.skylinksync.schemas;

import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;

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
    /** Magento orders and their invoices, keyed by Magento order id, so an invoice is pushed after its order. */
    public static final String MAGENTO_ORDERS = "skylink.magento.orders";
    public static final String COMPLETIONS = "skylink.sync.completions";
    /** Compacted, keyed by participant id: {@code BudgetReport}s of the shared RE API budget. */
    public static final String RE_BUDGET = "skylink.re.budget";
    /**
     * Operator commands every pod of a service follows (compacted, one partition, keyed by the service's consumer
     * group, value {@code PAUSED} or {@code RUNNING}, plain text): {@code skylink pause|resume GROUP}.
     */
    public static final String OPS_CONTROL = "skylink.ops.control";

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

    /** Dead letters of a topic; a backlog topic's dead letters go with its real-time topic's. */
    public static String deadLetters(String topic) {
        return realTime(topic) + DEAD_LETTER_SUFFIX;
    }

    /** Suffix of the topic that carries an entity topic's backlog work (bulk resyncs, replays, redrives). */
    public static final String BACKLOG_SUFFIX = ".bulk";

    /**
     * The backlog twin of an entity topic: bulk and replay events go there, so a change made now is never queued
     * behind a resync in the same partition (the runtime reads both and serves real-time work first).
     */
    public static String backlog(String topic) {
        return topic.endsWith(BACKLOG_SUFFIX) ? topic : topic + BACKLOG_SUFFIX;
    }

    /**
     * Whether events of this origin are backlog work (bulk resyncs, replays and redrives, fan-outs, drift heals), which may wait,
     * rather than real-time work (EDS, single syncs, changes found in Magento), which someone is waiting to see.
     */
    public static boolean isBacklog(Origin origin) {
        return origin == Origin.BULK || origin == Origin.REPLAY || origin == Origin.FANOUT || origin == Origin.DRIFT;
    }

    /** Where an event of this entity type and origin is published: the entity topic, or its backlog twin. */
    public static String forEvent(EntityType type, Origin origin) {
        String topic = forEntityType(type);
        return isBacklog(origin) ? backlog(topic) : topic;
    }

    /** The real-time entity topic of a topic or of its backlog twin. */
    public static String realTime(String topic) {
        return topic.endsWith(BACKLOG_SUFFIX) ? topic.substring(0, topic.length() - BACKLOG_SUFFIX.length()) : topic;
    }
}
