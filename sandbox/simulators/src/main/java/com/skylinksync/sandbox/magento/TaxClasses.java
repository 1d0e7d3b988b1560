package com.skylinksync.sandbox.magento;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store's tax classes (M/Tax): a fresh install has "Taxable Goods" (2, for products) and "Retail Customer"
 * (3, for customers); a merchant may add more. Customer groups take a customer class only.
 */
final class TaxClasses {

    enum Type { CUSTOMER, PRODUCT }

    record TaxClass(int id, String name, Type type) {
    }

    private final Map<Integer, TaxClass> classes = new LinkedHashMap<>();
    private int lastId;

    TaxClasses() {
        add("Taxable Goods", Type.PRODUCT);
        add("Retail Customer", Type.CUSTOMER);
    }

    synchronized TaxClass add(String name, Type type) {
        // M/Tax's install data starts at 2: id 1 was never shipped.
        lastId = Math.max(lastId, 1) + 1;
        TaxClass added = new TaxClass(lastId, name, type);
        classes.put(lastId, added);
        return added;
    }

    synchronized Optional<TaxClass> get(long id) {
        return Optional.ofNullable(classes.get((int) id));
    }
}
