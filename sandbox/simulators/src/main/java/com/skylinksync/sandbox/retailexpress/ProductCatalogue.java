package com.skylinksync.sandbox.retailexpress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The simulated RE product table: stored products (fixtures, and any a test replaces) in front of an optional
 * generated catalogue that is computed on read. Thread-safe. Matrix children are found through their shared
 * manufacturer SKU ({@code Code}), because RE answers a request for one child with all its siblings.
 */
final class ProductCatalogue {

    private final ConcurrentSkipListMap<Integer, StoredProduct> stored = new ConcurrentSkipListMap<>();
    private final GeneratedCatalogue generated;

    ProductCatalogue(GeneratedCatalogue generated) {
        this.generated = generated;
    }

    void seed(Collection<StoredProduct> products) {
        products.forEach(p -> stored.put(p.id(), p));
    }

    /** Adds or replaces one product (stored products shadow generated ones). */
    void put(StoredProduct product) {
        stored.put(product.id(), product);
    }

    Optional<StoredProduct> find(int id) {
        StoredProduct product = stored.get(id);
        return product != null ? Optional.of(product) : generated.product(id).map(this::shadowed);
    }

    /** Every product id on the channel, ascending: the stored ones, then the generated range. */
    List<Integer> idsOnChannel(int channelId) {
        List<Integer> ids = new ArrayList<>();
        for (StoredProduct product : stored.values()) {
            if (product.onChannel(channelId)) {
                ids.add(product.id());
            }
        }
        generated.idsOnChannel(channelId).filter(id -> !stored.containsKey(id)).forEach(ids::add);
        return ids;
    }

    /**
     * The products asked for that are on the channel, each followed by its matrix siblings, every product once,
     * in the order asked. Unknown ids and products not on the channel are simply absent, as in RE.
     */
    List<StoredProduct> findOnChannel(Collection<Integer> ids, int channelId) {
        Map<Integer, StoredProduct> found = new LinkedHashMap<>();
        for (int id : ids) {
            if (found.containsKey(id)) {
                continue;
            }
            Optional<StoredProduct> product = find(id).filter(p -> p.onChannel(channelId));
            if (product.isEmpty()) {
                continue;
            }
            for (StoredProduct sibling : siblings(product.get())) {
                if (sibling.onChannel(channelId)) {
                    found.putIfAbsent(sibling.id(), sibling);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The product itself first, then every other product sharing its manufacturer SKU. */
    private List<StoredProduct> siblings(StoredProduct product) {
        List<StoredProduct> family = new ArrayList<>();
        family.add(product);
        String code = product.code();
        if (code.isEmpty()) {
            return family;
        }
        // A fixture family is small and a full scan of stored products is cheap; generated families are computed.
        for (StoredProduct other : stored.values()) {
            if (other.id() != product.id() && code.equals(other.code())) {
                family.add(other);
            }
        }
        generated.siblingIds(product.id()).stream().filter(id -> id != product.id())
                .map(this::find).flatMap(Optional::stream)
                .filter(p -> code.equals(p.code()) && family.stream().noneMatch(f -> f.id() == p.id()))
                .forEach(family::add);
        return family;
    }

    private StoredProduct shadowed(StoredProduct generatedProduct) {
        return generatedProduct;
    }
}
