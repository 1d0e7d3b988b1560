package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.catalog.attributes.AttributeOptions;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.products.Matrix;
import com.skylinksync.retailexpress.products.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An RE matrix as a Magento configurable product (reference 3.5, "Configurables"): the children written as simple
 * products (not visible on their own), then the parent — matched by {@code manufacturer_sku} with type configurable,
 * created or updated from the first child — with the policy's attributes that have values as its options and every
 * child linked, in one save. The whole matrix is written under its {@link MatrixLock}, so siblings synced at the same
 * time anywhere make one parent.
 */
@Component
class MatrixWriter {

    record Written(Map<Integer, ProductWriter.Written> children, int writes) {
    }

    private final ProductWriter products;
    private final MagentoCatalog magento;
    private final AttributeValues attributeValues;
    private final AttributeOptions attributeOptions;
    private final MatrixLock lock;
    private final CatalogProperties properties;

    MatrixWriter(ProductWriter products, MagentoCatalog magento, AttributeValues attributeValues,
                 AttributeOptions attributeOptions, MatrixLock lock, CatalogProperties properties) {
        this.products = products;
        this.magento = magento;
        this.attributeValues = attributeValues;
        this.attributeOptions = attributeOptions;
        this.lock = lock;
        this.properties = properties;
    }

    /**
     * {@code byWebsite}: the matrix as each website's channel gives it, in channel order. {@code force}: write the
     * children and the parent whatever was last written (a drift heal). Under the lock the matrix's write targets are
     * read again and its children looked up in Magento together (a sibling may just have been written elsewhere), and
     * what was written is flushed before the lock is let go, so the next holder sees it.
     */
    Written write(Map<Integer, Matrix> byWebsite, Instant now, boolean force, TargetBatch targets) {
        Matrix primary = byWebsite.values().iterator().next();
        return lock.holding(primary.sku(), () -> {
            List<Integer> websiteIds = List.copyOf(byWebsite.keySet());
            List<String> matrixTargets = new ArrayList<>();
            primary.children().forEach(child -> matrixTargets.addAll(ProductWriter.targets(child.id(), websiteIds)));
            matrixTargets.add("matrix:" + primary.sku());
            targets.read(matrixTargets);
            Map<Integer, ProductContent> contents = new LinkedHashMap<>();
            for (Product child : sorted(primary)) {
                Map<Integer, Product> childByWebsite = new LinkedHashMap<>();
                byWebsite.forEach((website, matrix) -> matrix.child(child.id()).ifPresent(c -> childByWebsite.put(website, c)));
                contents.put(child.id(), ProductContent.of(childByWebsite, true, properties, now));
            }
            MagentoMatches matches = MagentoMatches.of(magento, contents.values().stream()
                    .filter(content -> products.needsLookup(content, force, targets))
                    .map(content -> new MagentoMatches.Wanted(content.productId(), content.details().sku())).toList());
            try {
                Map<Integer, ProductWriter.Written> children = new LinkedHashMap<>();
                int writes = 0;
                for (ProductContent content : contents.values()) {
                    ProductWriter.Written written = products.write(content, force, targets, matches);
                    children.put(content.productId(), written);
                    writes += written.writes();
                }
                writes += writeParent(primary, websiteIds, children, force, targets);
                return new Written(children, writes);
            } finally {
                targets.flush();
            }
        });
    }

    /**
     * The children by id: RE returns a matrix's children in the order the ids were asked for, which differs between
     * batches, so the representative child and the link order would otherwise change from one sync to the next.
     */
    private static List<Product> sorted(Matrix matrix) {
        return matrix.children().stream().sorted(java.util.Comparator.comparingInt(Product::id)).toList();
    }

    private int writeParent(Matrix matrix, List<Integer> websiteIds, Map<Integer, ProductWriter.Written> children,
                            boolean force, TargetBatch targets) {
        List<Product> sortedChildren = sorted(matrix);
        Product first = sortedChildren.getFirst();
        List<AttributeCode> used = matrix.policy().attributes().stream()
                .filter(code -> sortedChildren.stream().anyMatch(child -> child.option(code).isPresent())).toList();
        if (used.isEmpty()) {
            throw new PermanentSyncException("MISSING_ATTRIBUTE_VALUE", "Matrix " + matrix.sku()
                    + " has no values for any of its attributes " + matrix.policy().attributes());
        }
        String hash = ContentHash.of(matrix.sku(), first.name(), first.pricing(), first.packageSize(), websiteIds, used,
                children.values().stream().map(ProductWriter.Written::magentoId).toList(), sortedChildren.stream().map(Product::options).toList(), properties.attributes());
        if (!force && targets.unchanged("matrix:" + matrix.sku(), hash)) {
            return 0;
        }
        List<MagentoProduct.ConfigurableOption> options = new ArrayList<>();
        for (AttributeCode code : used) {
            Set<Integer> values = new LinkedHashSet<>();
            for (Product child : sortedChildren) {
                AttributeOption option = child.option(code).orElseThrow(() -> new PermanentSyncException(
                        "MISSING_ATTRIBUTE_VALUE", "Product " + child.id() + " of matrix " + matrix.sku()
                        + " has no " + code.code() + " value"));
                values.add(Integer.parseInt(attributeValues.optionId(option)));
            }
            var attribute = attributeOptions.attribute(code);
            options.add(new MagentoProduct.ConfigurableOption(null, attribute.attributeId(), attribute.label(),
                    options.size(), List.copyOf(values)));
        }
        Map<String, String> custom = new LinkedHashMap<>(attributeValues.of(first.options().stream()
                .filter(o -> !used.contains(o.code())).toList()));
        custom.put("manufacturer_sku", matrix.sku());
        custom.putAll(ProductWriter.special(ProductContent.of(Map.of(websiteIds.getFirst(), first), false, properties,
                Instant.now()).prices().global()));
        List<Long> links = children.values().stream().map(ProductWriter.Written::magentoId).toList();
        Optional<MagentoProduct> existing = findParent(matrix.sku());
        MagentoProduct saved;
        if (existing.isEmpty()) {
            custom.put("url_key", UrlKeys.of(first.name() + " " + matrix.sku()));
            saved = magento.createProduct(new MagentoProduct(null, matrix.sku(), first.name(), "configurable",
                    properties.attributeSetId(), first.pricing().regularPrice(), 1,
                    MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH, first.packageSize().weight(), custom, websiteIds,
                    new MagentoProduct.StockItem(null, true, null, null), null, options, links));
        } else {
            saved = magento.saveProduct(matrix.sku(), new MagentoProduct(existing.get().id(), matrix.sku(),
                    properties.nameStrategy() == CatalogProperties.NameStrategy.ALWAYS ? first.name() : null, null, null,
                    first.pricing().regularPrice(), null, ProductWriter.visibility(existing.get().visibility(), false),
                    first.packageSize().weight(), custom, websiteIds, new MagentoProduct.StockItem(null, true, null, null),
                    null, options, links), MagentoCatalog.ALL_STORES);
        }
        targets.written("matrix:" + matrix.sku(), hash, saved.id(), saved.sku());
        return 1;
    }

    private Optional<MagentoProduct> findParent(String sku) {
        List<MagentoProduct> matches = magento.searchProducts(SearchCriteria.builder()
                .where(Filter.eq("manufacturer_sku", sku)).where(Filter.eq("type_id", "configurable")).build()).items();
        if (matches.size() > 1) {
            throw new PermanentSyncException("TOO_MANY_PRODUCT_MATCHES", "Matrix " + sku + " matches configurable products "
                    + matches.stream().map(MagentoProduct::sku).toList());
        }
        if (matches.size() == 1) {
            return Optional.of(matches.getFirst());
        }
        Optional<MagentoProduct> bySku = magento.getProduct(sku);
        if (bySku.isPresent()) {
            throw new PermanentSyncException("SKU_HELD_BY_ANOTHER_PRODUCT", "SKU " + sku + " of matrix " + sku
                    + " is held by Magento product " + bySku.get().id() + " of type " + bySku.get().typeId());
        }
        return Optional.empty();
    }
}
