package com.skylinksync.gateway.quarantine;

/** Where the sync runtime puts what it gave up on: dead letters, and parked writes of unknown outcome. */
enum Quarantine {
    /** {@code <topic>.dlt}: permanent failures, retries exhausted, unreadable events; fixed, then redriven. */
    DEAD_LETTERS(".dlt"),
    /** {@code <topic>.parked}: writes whose outcome is unknown; an operator checks the target and resolves them. */
    PARKED(".parked");

    private final String suffix;

    Quarantine(String suffix) {
        this.suffix = suffix;
    }

    String suffix() {
        return suffix;
    }

    /** The entity topic a quarantine topic holds records of ({@code skylink.re.customers} for {@code skylink.re.customers.dlt}). */
    String sourceTopic(String topic) {
        return topic.substring(0, topic.length() - suffix.length());
    }

    boolean holds(String topic) {
        return topic.endsWith(suffix) && topic.length() > suffix.length();
    }
}
