package com.skylinksync.sandbox.retailexpress;

import java.util.List;
import java.util.Map;

/**
 * Changes made to the simulated RE data "behind the client's back", as a user of RE's back office would, each
 * followed by the EDS change set RE would send. Customers are changed here; products, orders and other entities are
 * changed by their own stores, which then announce the change through {@link #changed}.
 */
final class EntityChanges {

    private final CustomerStore customers;
    private final EdsNotifier eds;

    EntityChanges(CustomerStore customers, EdsNotifier eds) {
        this.customers = customers;
        this.eds = eds;
    }

    /** Overwrites the given RE fields (e.g. {@code BillAddress}, {@code BillFirstName}) and announces the customer. */
    ChangeSet changeCustomer(int customerId, Map<String, String> fields) {
        if (customers.update(customerId, fields).isEmpty()) {
            throw new IllegalArgumentException("No customer " + customerId + " in the simulator");
        }
        return changed("Customer", List.of(String.valueOf(customerId)));
    }

    /** Announces that entities of an EDS type ({@code Product}, {@code Order}, ...) changed. */
    ChangeSet changed(String type, List<String> ids) {
        if (type == null || type.isBlank() || ids.isEmpty()) {
            throw new IllegalArgumentException("A change names an EDS type and at least one id");
        }
        return eds.notify(type, ids);
    }
}
