package com.skylinksync.sandbox.stack;

import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./run-local --store products=100000,customers=50000,orders=20000[,seed=7]} (or {@code SKYLINK_STORE} with
 * the same value): the generated store the RE simulator holds besides the reference fixtures, from its seeded
 * generator. Orders are RE orders ({@code 17-00000001} upwards, for generated customers and products, with payments
 * and fulfilments), as RE's own POS would hold them; sizes left out are 0.
 */
final class StoreSize {

    private StoreSize() {
    }

    static CatalogueSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return CatalogueSpec.none();
        }
        Map<String, Long> sizes = new LinkedHashMap<>(Map.of("products", 0L, "customers", 0L, "orders", 0L, "seed", 1L));
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2 || !sizes.containsKey(pair[0].strip())) {
                throw new IllegalArgumentException("--store takes products=N,customers=N,orders=N[,seed=S], not '" + part.strip() + "'");
            }
            try {
                sizes.put(pair[0].strip(), Long.parseLong(pair[1].strip().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--store: " + pair[0].strip() + " must be a whole number, not '" + pair[1].strip() + "'");
            }
        }
        return new CatalogueSpec(sizes.get("seed"), Math.toIntExact(sizes.get("products")), Math.toIntExact(sizes.get("customers")),
                Math.toIntExact(sizes.get("orders")));
    }

    /** The store's value from {@code --store VALUE} / {@code --store=VALUE}, else {@code SKYLINK_STORE}. */
    static String from(String[] args, String environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--store") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--store=")) {
                return args[i].substring("--store=".length());
            }
        }
        return environment;
    }
}
