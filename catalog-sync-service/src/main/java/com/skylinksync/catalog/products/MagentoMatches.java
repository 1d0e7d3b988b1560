package com.skylinksync.catalog.products;

import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Magento products of a group's RE products, looked up together: one search by {@code skylink_product_id IN}
 * and one by {@code sku IN} (per {@value #CHUNK} products) instead of a search and a read for each product. Only
 * clear answers are kept — exactly one linked simple product, or none and the SKU free and asked for by no other
 * product of the group; anything else (two matches, the SKU held, a SKU with a comma) is left to the product's own
 * lookup at write time, which names the problem, as before.
 */
final class MagentoMatches {

    static final MagentoMatches NONE = new MagentoMatches(Map.of());
    private static final int CHUNK = 100;

    /** An RE product to look up: its id and the SKU it is to have. */
    record Wanted(int productId, String sku) {
    }

    private final Map<Integer, Optional<MagentoProduct>> answers;

    private MagentoMatches(Map<Integer, Optional<MagentoProduct>> answers) {
        this.answers = answers;
    }

    static MagentoMatches of(MagentoCatalog magento, Collection<Wanted> wanted) {
        if (wanted.isEmpty()) {
            return NONE;
        }
        Map<String, List<MagentoProduct>> linked = new HashMap<>();
        List<Wanted> all = List.copyOf(wanted);
        for (List<Wanted> chunk : chunks(all)) {
            List<String> ids = chunk.stream().map(w -> String.valueOf(w.productId())).toList();
            for (MagentoProduct product : magento.searchProducts(SearchCriteria.builder()
                    .where(Filter.in("skylink_product_id", ids)).build()).items()) {
                if (ProductWriter.SIMPLE_TYPES.contains(product.typeId())) {
                    product.attribute("skylink_product_id").ifPresent(id -> linked.computeIfAbsent(id, k -> new ArrayList<>()).add(product));
                }
            }
        }
        Map<String, Integer> skuCounts = new HashMap<>();
        all.forEach(w -> skuCounts.merge(w.sku().toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<Wanted> unlinked = all.stream().filter(w -> !linked.containsKey(String.valueOf(w.productId())))
                .filter(w -> !w.sku().contains(",") && !w.sku().isBlank()).toList();
        Set<Wanted> searched = new HashSet<>(unlinked);
        Set<String> held = new HashSet<>();
        for (List<Wanted> chunk : chunks(unlinked)) {
            for (MagentoProduct product : magento.searchProducts(SearchCriteria.builder()
                    .where(Filter.in("sku", chunk.stream().map(Wanted::sku).toList())).build()).items()) {
                held.add(product.sku().toLowerCase(Locale.ROOT));
            }
        }
        Map<Integer, Optional<MagentoProduct>> answers = new HashMap<>();
        for (Wanted w : all) {
            List<MagentoProduct> matches = linked.get(String.valueOf(w.productId()));
            if (matches != null) {
                if (matches.size() == 1) {
                    answers.put(w.productId(), Optional.of(matches.getFirst()));
                }
                continue;
            }
            String sku = w.sku().toLowerCase(Locale.ROOT);
            if (searched.contains(w) && !held.contains(sku) && skuCounts.get(sku) == 1) {
                answers.put(w.productId(), Optional.empty());
            }
        }
        return new MagentoMatches(answers);
    }

    /**
     * The Magento product linked to this RE product (empty: none, and its SKU is free), if the group's lookup gave a
     * clear answer; empty if the product must be looked up on its own.
     */
    Optional<Optional<MagentoProduct>> of(int productId) {
        return Optional.ofNullable(answers.get(productId));
    }

    private static List<List<Wanted>> chunks(List<Wanted> wanted) {
        List<List<Wanted>> chunks = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i += CHUNK) {
            chunks.add(wanted.subList(i, Math.min(wanted.size(), i + CHUNK)));
        }
        return chunks;
    }
}
