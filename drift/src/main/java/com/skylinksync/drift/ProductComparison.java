package com.skylinksync.drift;

import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.magento.catalog.MagentoWebsite;
import com.skylinksync.magento.customers.MagentoCustomerGroup;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.retailexpress.PriceGroupKey;
import com.skylinksync.retailexpress.PriceGroupType;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.attributes.ProductAttributes;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.Matrix;
import com.skylinksync.retailexpress.products.Product;
import com.skylinksync.retailexpress.products.RejectedMatrix;
import com.skylinksync.schemas.avro.EntityType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Products of the configured channels, RE against Magento. RE: one {@code GetProductIdsByChannel} per channel, then
 * {@code GetProductsByChannel} for {@code batch-size} ids at a time (a matrix child brings its siblings, which are then
 * not asked for again), and {@code GetAllPriceGroups} once. Magento: every product by pages, the websites, the mapped
 * attributes' options and the price groups' customer groups. Products are matched as the catalog sync matches them: by
 * {@code skylink_product_id}, configurables by {@code manufacturer_sku} and type.
 */
final class ProductComparison {

    private static final Set<String> SIMPLE_TYPES = Set.of("simple", "virtual", "downloadable");
    private static final int MAX_SKU_LENGTH = 64;

    private final RetailExpressCatalogue retailExpress;
    private final MagentoCatalog magento;
    private final MagentoCustomers magentoGroups;
    private final DriftProperties properties;

    ProductComparison(RetailExpressCatalogue retailExpress, MagentoCatalog magento, MagentoCustomers magentoGroups,
                      DriftProperties properties) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.magentoGroups = magentoGroups;
        this.properties = properties;
    }

    /** RE calls a full comparison makes: ids per channel, one per batch per channel, the price groups. */
    long estimateCalls(RetailExpressReads re) {
        long calls = 2; // the price groups and the attribute options
        for (int channel : properties.channelIds()) {
            int ids = re.call(() -> retailExpress.getProductIdsByChannel(channel)).size();
            calls += 1 + (ids + properties.batchSize() - 1) / properties.batchSize();
        }
        return calls;
    }

    /** Compares; returns how many RE products were compared. */
    int compare(RetailExpressReads re, MagentoReads mage, Instant now, List<Drift> out) {
        Map<String, Integer> websiteByCode = mage.call(magento::websites).stream()
                .collect(Collectors.toMap(MagentoWebsite::code, MagentoWebsite::id, (a, b) -> a));
        // RE, channel by channel: what each channel's website shows of each product.
        Map<Integer, Map<Integer, Product>> simpleByProduct = new LinkedHashMap<>();
        Map<String, Map<Integer, Matrix>> matrixBySku = new LinkedHashMap<>();
        Map<Integer, RejectedMatrix> rejected = new LinkedHashMap<>();
        Set<Integer> onSomeChannel = new LinkedHashSet<>();
        for (int channel : properties.channelIds()) {
            Integer website = websiteByCode.get(properties.channels().get(channel));
            List<Integer> ids = re.call(() -> retailExpress.getProductIdsByChannel(channel));
            onSomeChannel.addAll(ids);
            Set<Integer> seen = new LinkedHashSet<>();
            for (int from = 0; from < ids.size(); from += properties.batchSize()) {
                List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + properties.batchSize())).stream()
                        .filter(id -> !seen.contains(id)).toList();
                if (batch.isEmpty()) {
                    continue;
                }
                ChannelProducts products = re.call(() -> retailExpress.getProductsByChannel(batch, channel));
                products.allProducts().forEach(p -> seen.add(p.id()));
                products.rejected().forEach(r -> r.productIds().forEach(id -> {
                    seen.add(id);
                    rejected.putIfAbsent(id, r);
                }));
                if (website == null) {
                    continue; // reported once below
                }
                products.simpleProducts().forEach(p -> simpleByProduct.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).put(website, p));
                products.matrices().forEach(m -> matrixBySku.computeIfAbsent(m.sku(), k -> new LinkedHashMap<>()).putIfAbsent(website, m));
            }
        }
        Map<PriceGroupKey, Integer> customerGroups = customerGroups(re, mage);
        // Products carry option ids; their labels (what Magento's options are named) come from the attribute list.
        ProductAttributes reAttributes = re.call(retailExpress::getAllProductAttributes);

        // Magento: every product, indexed the ways the catalog sync matches.
        List<MagentoProduct> all = mage.all(SearchCriteria.builder().sortBy("entity_id", SearchCriteria.Direction.ASC),
                magento::searchProducts);
        Map<String, List<MagentoProduct>> linked = new HashMap<>();
        Map<String, MagentoProduct> configurables = new HashMap<>();
        Map<String, MagentoProduct> bySku = new HashMap<>();
        Map<Long, MagentoProduct> byId = new HashMap<>();
        for (MagentoProduct product : all) {
            bySku.put(product.sku(), product);
            byId.put(product.id(), product);
            if (SIMPLE_TYPES.contains(product.typeId())) {
                product.attribute("skylink_product_id").ifPresent(id -> linked.computeIfAbsent(id, k -> new ArrayList<>()).add(product));
            } else if ("configurable".equals(product.typeId())) {
                product.attribute("manufacturer_sku").ifPresent(sku -> configurables.putIfAbsent(sku, product));
            }
        }
        Map<String, Map<String, String>> optionLabels = new HashMap<>();

        int compared = 0;
        // A family that breaks the matrix rules is one difference (its products listed), not one per product.
        for (RejectedMatrix matrix : new LinkedHashSet<>(rejected.values())) {
            out.add(new Drift(DriftCategory.PRODUCT_CANNOT_SYNC, "matrix", matrix.manufacturerSku(),
                    configurables.containsKey(matrix.manufacturerSku()) ? configurables.get(matrix.manufacturerSku()).sku() : null,
                    "matrix", "products=" + matrix.productIds(), "", null, matrix.reason()));
            compared += matrix.productIds().size();
        }
        for (var entry : simpleByProduct.entrySet()) {
            compareSimple(entry.getKey(), entry.getValue(), false, linked, bySku, customerGroups, reAttributes, optionLabels, mage, now, out);
            compared++;
        }
        for (var entry : matrixBySku.entrySet()) {
            Map<Integer, Matrix> byWebsite = entry.getValue();
            Matrix primary = byWebsite.values().iterator().next();
            List<Product> children = primary.children().stream().sorted(java.util.Comparator.comparingInt(Product::id)).toList();
            for (Product child : children) {
                Map<Integer, Product> childByWebsite = new LinkedHashMap<>();
                byWebsite.forEach((website, matrix) -> matrix.child(child.id()).ifPresent(c -> childByWebsite.put(website, c)));
                compareSimple(child.id(), childByWebsite, true, linked, bySku, customerGroups, reAttributes, optionLabels, mage, now, out);
                compared++;
            }
            compareConfigurable(primary, children, configurables, byId, linked, out);
        }
        // Linked in Magento, but RE has it on none of the compared channels.
        for (var entry : new TreeMap<>(linked).entrySet()) {
            Integer id = parse(entry.getKey());
            if (id == null || !onSomeChannel.contains(id)) {
                for (MagentoProduct product : entry.getValue()) {
                    out.add(new Drift(DriftCategory.PRODUCT_GONE_FROM_RETAIL_EXPRESS, "product", entry.getKey(), product.sku(),
                            "", "", "sku=" + product.sku(), null, "RE has no product " + entry.getKey() + " on channels "
                            + properties.channelIds() + ": delete or unlink it in Magento (RE is the master of products)"));
                }
            }
        }
        for (int channel : properties.channelIds()) {
            if (!websiteByCode.containsKey(properties.channels().get(channel))) {
                out.add(new Drift(DriftCategory.PRODUCT_CANNOT_SYNC, "channel", String.valueOf(channel), null, "website",
                        "website=" + properties.channels().get(channel), "", null,
                        "Magento has no website " + properties.channels().get(channel) + " (skylink.drift.channels." + channel + ")"));
            }
        }
        return compared;
    }

    private void compareSimple(int id, Map<Integer, Product> byWebsite, boolean matrixChild, Map<String, List<MagentoProduct>> linked,
                               Map<String, MagentoProduct> bySku, Map<PriceGroupKey, Integer> customerGroups,
                               ProductAttributes reAttributes, Map<String, Map<String, String>> optionLabels, MagentoReads mage, Instant now, List<Drift> out) {
        ExpectedProduct expected = ExpectedProduct.of(byWebsite, reAttributes, properties, now);
        String key = String.valueOf(id);
        Drift.HealTarget heal = new Drift.HealTarget(EntityType.PRODUCT, key);
        List<MagentoProduct> matches = linked.getOrDefault(key, List.of());
        if (expected.sku().isBlank() || expected.sku().length() > MAX_SKU_LENGTH) {
            out.add(new Drift(DriftCategory.PRODUCT_CANNOT_SYNC, "product", key, null, "sku", "sku=" + expected.sku(), "",
                    null, "Magento refuses SKUs that are empty or longer than " + MAX_SKU_LENGTH + " characters"));
            return;
        }
        if (matches.size() > 1) {
            out.add(new Drift(DriftCategory.PRODUCT_CANNOT_SYNC, "product", key, null, "skylink_product_id", "id=" + key,
                    "skus=" + matches.stream().map(MagentoProduct::sku).toList(), null,
                    "Several Magento products claim RE product " + key + ": remove all but one"));
            return;
        }
        if (matches.isEmpty()) {
            MagentoProduct holder = bySku.get(expected.sku());
            if (holder != null) {
                out.add(new Drift(DriftCategory.PRODUCT_CANNOT_SYNC, "product", key, holder.sku(), "sku", "sku=" + expected.sku(),
                        "held by " + holder.typeId() + " product " + holder.id(), null, "Magento refuses the SKU: it is held by"
                        + " another product (skylink_product_id " + holder.attribute("skylink_product_id").orElse("none") + ")"));
            } else {
                out.add(new Drift(DriftCategory.PRODUCT_MISSING_IN_MAGENTO, "product", key, null, "", "sku=" + expected.sku(), "",
                        heal, null));
            }
            return;
        }
        MagentoProduct actual = matches.getFirst();
        Differences stock = new Differences();
        MagentoProduct.StockItem item = actual.stockItem();
        stock.number("qty", expected.qty(), item == null ? null : item.qty());
        stock.text("is_in_stock", String.valueOf(expected.inStock()), item == null || item.isInStock() == null ? null : item.isInStock().toString());
        stock.text("manage_stock", String.valueOf(expected.manageStock()), item == null || item.manageStock() == null ? null : item.manageStock().toString());
        stock.text("qty_available", String.valueOf(expected.available()), actual.attribute("qty_available").orElse(null));
        stock.text("qty_on_order", String.valueOf(expected.onOrder()), actual.attribute("qty_on_order").orElse(null));
        if (stock.any()) {
            out.add(stock.drift(DriftCategory.STOCK, "product", key, actual.sku(), heal));
        }
        Differences price = new Differences();
        price.number("price", expected.price(), actual.price());
        price.number("special_price", expected.specialPrice(), Differences.decimal(actual.attribute("special_price").orElse(null)));
        if (expected.specialPrice() != null || actual.attribute("special_price").isPresent()) {
            price.text("special_from_date", expected.specialFrom(), actual.attribute("special_from_date").orElse(null));
            price.text("special_to_date", expected.specialTo(), actual.attribute("special_to_date").orElse(null));
        }
        price.text("tier_prices", tiers(expected, customerGroups), tiers(actual));
        if (price.any()) {
            out.add(price.drift(DriftCategory.PRICE, "product", key, actual.sku(), heal));
        }
        Differences attributes = new Differences();
        attributes.text("sku", expected.sku(), actual.sku());
        attributes.text("name", expected.name(), actual.name());
        attributes.text("manufacturer_sku", expected.manufacturerSku(), actual.attribute("manufacturer_sku").orElse(null));
        attributes.number("weight", expected.weight(), actual.weight());
        attributes.text("website_ids", new TreeSet<>(expected.websiteIds()).toString(),
                actual.websiteIds() == null ? null : new TreeSet<>(actual.websiteIds()).toString());
        expected.attributeLabels().forEach((code, label) -> {
            String value = actual.attribute(code).orElse(null);
            Map<String, String> labels = optionLabels.computeIfAbsent(code, c -> mage.call(() -> magento.getAttributeOptions(c))
                    .stream().collect(Collectors.toMap(o -> o.value(), o -> o.label(), (a, b) -> a)));
            // A select holds an option id: compare its label; a text attribute holds the label itself.
            String shown = value == null ? null : labels.getOrDefault(value, value);
            attributes.text(code, label, shown);
        });
        if (matrixChild && actual.visibility() != null && actual.visibility() == MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH) {
            attributes.add("visibility", MagentoProduct.NOT_VISIBLE_INDIVIDUALLY, actual.visibility());
        }
        if (attributes.any()) {
            out.add(attributes.drift(DriftCategory.ATTRIBUTE, "product", key, actual.sku(), heal));
        }
    }

    private void compareConfigurable(Matrix matrix, List<Product> children, Map<String, MagentoProduct> configurables,
                                     Map<Long, MagentoProduct> byId, Map<String, List<MagentoProduct>> linked, List<Drift> out) {
        Drift.HealTarget heal = new Drift.HealTarget(EntityType.PRODUCT, String.valueOf(children.getFirst().id()));
        MagentoProduct parent = configurables.get(matrix.sku());
        if (parent == null) {
            out.add(new Drift(DriftCategory.PRODUCT_MISSING_IN_MAGENTO, "configurable", matrix.sku(), null, "",
                    "children=" + children.stream().map(Product::sku).toList(), "", heal, null));
            return;
        }
        Set<String> expected = new TreeSet<>();
        children.forEach(child -> linked.getOrDefault(String.valueOf(child.id()), List.of()).stream().findFirst()
                .ifPresentOrElse(p -> expected.add(p.sku()), () -> expected.add(child.sku())));
        Set<String> actual = new TreeSet<>();
        (parent.configurableLinks() == null ? List.<Long>of() : parent.configurableLinks())
                .forEach(link -> actual.add(byId.containsKey(link) ? byId.get(link).sku() : "#" + link));
        if (!expected.equals(actual)) {
            Differences links = new Differences();
            links.add("children", expected, actual);
            out.add(links.drift(DriftCategory.CONFIGURABLE_CHILDREN, "configurable", matrix.sku(), parent.sku(), heal));
        }
    }

    /** The customer group of each RE price group, by the name the customer and catalog services give it. */
    private Map<PriceGroupKey, Integer> customerGroups(RetailExpressReads re, MagentoReads mage) {
        Map<PriceGroupKey, Integer> groups = new HashMap<>();
        for (PriceGroup group : re.call(retailExpress::getAllPriceGroups)) {
            String code = group.name().strip() + " (" + (group.key().type() == PriceGroupType.STANDARD ? "Standard" : "Fixed") + ")";
            mage.call(() -> magentoGroups.findCustomerGroupsByCode(code)).stream().findFirst()
                    .map(MagentoCustomerGroup::id).ifPresent(id -> groups.put(group.key(), id));
        }
        return groups;
    }

    private static String tiers(ExpectedProduct expected, Map<PriceGroupKey, Integer> groups) {
        Set<String> tiers = new TreeSet<>();
        expected.tierPrices().forEach((key, byWebsite) -> byWebsite.forEach((website, price) ->
                tiers.add(tier(groups.containsKey(key) ? String.valueOf(groups.get(key)) : key + " (no group)", website, price))));
        return tiers.isEmpty() ? null : tiers.toString();
    }

    private static String tiers(MagentoProduct actual) {
        if (actual.tierPrices() == null || actual.tierPrices().isEmpty()) {
            return null;
        }
        return actual.tierPrices().stream().map(t -> tier(String.valueOf(t.customerGroupId()), t.websiteId(), t.value()))
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private static String tier(String group, int website, BigDecimal price) {
        return "group " + group + " website " + website + ": " + Objects.requireNonNull(price).stripTrailingZeros().toPlainString();
    }

    private static Integer parse(String id) {
        try {
            return Integer.valueOf(id.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
