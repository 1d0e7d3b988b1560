package com.skylinksync.sandbox.magento;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Products as M/Catalog/Model/ProductRepository::save keeps them, with what SkyLink relies on: the checks of
 * {@link ProductRules}; URL keys generated from the name and unique per store ({@link ProductUrlKeys}); website links
 * and the stock item ({@link ProductExtensions}); tier prices (given ones replace all); configurable options and links
 * ({@link ConfigurableLinks}); and store-scoped values ({@link StoreScopedValues}): a save through
 * {@code /rest/<store>/V1} keeps name, price, special price, status, visibility and description for that store view,
 * which reads through that store code see. Searches use MySQL-like indexes ({@link ProductIndex}).
 *
 * <p>A product is identified by its SKU, or by {@code id} when the body carries one (which is how a SKU is renamed).
 */
final class ProductStore {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final CatalogAttributes attributes;
    private final StoreDirectory stores;
    private final Clock clock;
    private final Map<Long, ObjectNode> products = new LinkedHashMap<>();
    private final StoreScopedValues storeValues;
    private final ProductIndex index = new ProductIndex();
    private final ConfigurableLinks configurables;
    private final ProductRules rules;
    private final ProductExtensions extensions;
    private final ProductUrlKeys urlKeys;
    private long lastId = 0;

    ProductStore(CatalogAttributes attributes, StoreDirectory stores, Clock clock) {
        this.attributes = attributes;
        this.stores = stores;
        this.clock = clock;
        this.storeValues = new StoreScopedValues(attributes, stores);
        this.configurables = new ConfigurableLinks(attributes, products::get);
        this.rules = new ProductRules(attributes);
        this.extensions = new ProductExtensions(stores);
        this.urlKeys = new ProductUrlKeys(index, products::get);
    }

    /**
     * ProductRepository::save through {@code store} (null for {@code all}, the global scope); {@code urlSku} is the
     * SKU of a {@code PUT /V1/products/:sku}, null for a POST.
     */
    synchronized ObjectNode save(JsonNode input, String urlSku, StoreDirectory.StoreView store) {
        if (input == null || !input.isObject()) {
            throw MagentoFault.requiredField("product");
        }
        ObjectNode given = ((ObjectNode) input).deepCopy();
        Optional<Long> givenId = CustomerJson.number(given, "id");
        ObjectNode existing = givenId.map(products::get)
                .or(() -> Optional.ofNullable(urlSku).flatMap(this::bySku))
                .or(() -> CustomerJson.text(given, "sku").flatMap(this::bySku))
                .orElse(null);
        if (givenId.isPresent() && existing == null) {
            throw MagentoFault.noSuchEntity("id", givenId.get());
        }
        if (urlSku != null && givenId.isEmpty()) {
            given.put("sku", urlSku); // M/Webapi ParamsOverrider: the URL's SKU wins
        }
        String sku = ProductRules.requireSku(CustomerJson.text(given, "sku")
                .orElse(existing == null ? "" : existing.get("sku").asString()).trim());
        Optional<ObjectNode> holder = bySku(sku);
        if (holder.isPresent() && existing != null && holder.get() != existing) {
            throw MagentoFault.of(400, "The product was unable to be saved. Please try again.");
        }
        boolean creating = existing == null;
        ObjectNode product = creating ? JsonNodeFactory.instance.objectNode() : existing.deepCopy();
        long id = creating ? lastId + 1 : product.get("id").asLong();
        product.put("id", id).put("sku", sku);
        String type = ProductRules.requireType(CustomerJson.text(given, "type_id")
                .orElse(creating ? "simple" : product.get("type_id").asString()));
        product.put("type_id", type);
        rules.validateAttributeSet(given, product, creating);
        boolean scoped = store != null && !creating;
        Map<String, JsonNode> scopedValues = new LinkedHashMap<>();
        for (String field : List.of("name", "price", "status", "visibility", "weight")) {
            if (given.has(field)) {
                if (scoped && StoreScopedValues.scoped(field, false)) {
                    scopedValues.put(field, given.get(field));
                } else {
                    product.set(field, given.get(field));
                }
            }
        }
        if (creating) {
            product.putIfAbsent("status", JsonNodeFactory.instance.numberNode(1));
            product.putIfAbsent("visibility", JsonNodeFactory.instance.numberNode(4));
        }
        rules.requireValue(product, "name", scopedValues);
        if (!type.equals("configurable")) {
            rules.requireValue(product, "price", scopedValues);
        }
        Map<String, JsonNode> custom = ProductNodes.customAttributes(product);
        if (given.get("custom_attributes") instanceof ArrayNode list) {
            for (JsonNode entry : list) {
                String code = CustomerJson.text(entry, "attribute_code").orElse("");
                if (!attributes.exists(code)) {
                    continue; // the repository ignores codes that are not attributes of the set
                }
                JsonNode value = entry.get("value");
                rules.requireOption(code, value);
                if (scoped && StoreScopedValues.scoped(code, true)) {
                    scopedValues.put(code, value);
                } else {
                    custom.put(code, value);
                }
            }
        }
        if (creating && !custom.containsKey("url_key")) {
            custom.put("url_key", JsonNodeFactory.instance.stringNode(ProductUrlKeys.urlKey(product.get("name").asString())));
        }
        ObjectNode extension = product.has("extension_attributes") ? (ObjectNode) product.get("extension_attributes")
                : JsonNodeFactory.instance.objectNode();
        JsonNode givenExtension = given.path("extension_attributes");
        extensions.applyWebsites(extension, givenExtension, creating, store);
        ProductExtensions.applyStock(extension, givenExtension, id);
        if (type.equals("configurable")) {
            configurables.apply(extension, givenExtension, id);
        }
        product.set("extension_attributes", extension);
        if (given.get("tier_prices") instanceof ArrayNode tiers) {
            product.set("tier_prices", tiers.deepCopy());
        } else if (!product.has("tier_prices")) {
            product.putArray("tier_prices");
        }
        String urlKey = custom.get("url_key") == null ? "" : custom.get("url_key").asString();
        urlKeys.check(id, urlKey, ProductNodes.websiteIds(extension));
        ArrayNode customList = product.putArray("custom_attributes");
        custom.forEach((code, value) -> customList.addObject().put("attribute_code", code)
                .set("value", value == null ? JsonNodeFactory.instance.nullNode() : value));
        String now = TIMESTAMP.format(clock.instant());
        if (creating) {
            product.put("created_at", now);
            lastId = id;
        }
        product.put("updated_at", now);
        index.reindex(existing, product);
        products.put(id, product);
        if (scoped && !scopedValues.isEmpty()) {
            storeValues.keep(id, store, scopedValues);
        }
        return storeValues.view(product, store);
    }

    /**
     * The products a search's first filter can only match, when that filter is an {@code eq} on the SKU or a custom
     * attribute (what an index answers); empty when the whole catalogue must be read.
     */
    synchronized Optional<List<ObjectNode>> candidates(SearchCriteria criteria, StoreDirectory.StoreView store) {
        for (List<Filter> group : criteria.filterGroups()) {
            if (group.size() == 1 && group.getFirst().conditionType().equals("in") && group.getFirst().value() != null) {
                Optional<List<ObjectNode>> listed = listed(group.getFirst(), store);
                if (listed.isPresent()) {
                    return listed;
                }
                continue;
            }
            if (group.size() != 1 || !group.getFirst().conditionType().equals("eq") || group.getFirst().value() == null) {
                continue;
            }
            Filter filter = group.getFirst();
            if (filter.field().equals("sku")) {
                return Optional.of(index.idOfSku(filter.value()).map(products::get).map(p -> storeValues.view(p, store)).stream().toList());
            }
            if (index.indexes(filter.field()) && !StoreScopedValues.scoped(filter.field(), true) && !filter.value().isEmpty()) {
                return Optional.of(index.idsWith(filter.field(), filter.value()).stream().map(products::get)
                        .map(p -> storeValues.view(p, store)).toList());
            }
        }
        return Optional.empty();
    }

    /** An {@code in} filter on the SKU or an indexed attribute, answered from the index as MySQL would: in id order. */
    private Optional<List<ObjectNode>> listed(Filter filter, StoreDirectory.StoreView store) {
        boolean sku = filter.field().equals("sku");
        if (!sku && (!index.indexes(filter.field()) || StoreScopedValues.scoped(filter.field(), true))) {
            return Optional.empty();
        }
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (String value : filter.value().split(",", -1)) {
            if (sku) {
                index.idOfSku(value).ifPresent(ids::add);
            } else if (!value.isEmpty()) {
                ids.addAll(index.idsWith(filter.field(), value));
            }
        }
        return Optional.of(ids.stream().map(products::get).map(p -> storeValues.view(p, store)).toList());
    }

    private Optional<ObjectNode> bySku(String sku) {
        return index.idOfSku(sku).map(products::get);
    }

    synchronized Optional<ObjectNode> get(String sku, StoreDirectory.StoreView store) {
        return bySku(sku).map(product -> storeValues.view(product, store));
    }

    /** ProductRepository::deleteById: the product, its store values and its index entries; false when there is none. */
    synchronized boolean delete(String sku) {
        Optional<ObjectNode> product = bySku(sku);
        product.ifPresent(found -> {
            long id = found.get("id").asLong();
            index.remove(found);
            products.remove(id);
            storeValues.remove(id);
        });
        return product.isPresent();
    }

    synchronized Optional<ObjectNode> byId(long id) {
        return Optional.ofNullable(products.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all(StoreDirectory.StoreView store) {
        return products.values().stream().map(product -> storeValues.view(product, store)).toList();
    }

    /** A product's value for a search field: a column, or a custom attribute. */
    Optional<String> valueOf(ObjectNode product, String field) {
        String column = field.equals("entity_id") ? "id" : field;
        JsonNode value = product.get(column);
        if (value == null && product.get("custom_attributes") != null) {
            for (JsonNode entry : product.get("custom_attributes")) {
                if (entry.get("attribute_code").asString().equals(field)) {
                    value = entry.get("value");
                }
            }
        }
        return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asString());
    }

    /** StockRegistry::updateStockItemBySku: the SKU in the URL wins; returns the item id. */
    synchronized long updateStock(String sku, JsonNode stockItem) {
        ObjectNode product = bySku(sku).orElseThrow(() -> MagentoFault.of(404,
                "The product that was requested doesn't exist. Verify the product and try again."));
        ObjectNode given = JsonNodeFactory.instance.objectNode();
        given.set("stock_item", stockItem);
        ProductExtensions.applyStock((ObjectNode) product.get("extension_attributes"), given, product.get("id").asLong());
        product.put("updated_at", TIMESTAMP.format(clock.instant()));
        return product.get("id").asLong();
    }

    /** ProductWebsiteLinkRepository::save / deleteById. */
    synchronized void website(String sku, int websiteId, boolean linked) {
        ObjectNode product = bySku(sku).orElseThrow(() -> MagentoFault.of(404,
                "The product that was requested doesn't exist. Verify the product and try again."));
        if (!stores.isWebsite(websiteId)) {
            throw MagentoFault.noSuchEntity("websiteId", websiteId);
        }
        ObjectNode extension = (ObjectNode) product.get("extension_attributes");
        Set<Integer> ids = new LinkedHashSet<>(ProductNodes.websiteIds(extension));
        if (linked) {
            ids.add(websiteId);
        } else {
            ids.remove(websiteId);
        }
        ArrayNode array = extension.putArray("website_ids");
        ids.forEach(array::add);
    }

    /**
     * What ConfigurableProduct's option and link routes do, as a save of the parent with changed options or links
     * (they go through the repository in Magento too, with the same checks).
     */
    synchronized void saveConfigurable(String sku, ArrayNode options, ArrayNode links) {
        ObjectNode parent = bySku(sku).orElseThrow(() -> MagentoFault.of(404,
                "The product that was requested doesn't exist. Verify the product and try again."));
        ObjectNode extension = (ObjectNode) parent.get("extension_attributes");
        ObjectNode before = extension.deepCopy();
        parent.put("type_id", "configurable");
        if (options != null) {
            extension.set("configurable_product_options", options);
        }
        if (links != null) {
            extension.set("configurable_product_links", links);
        }
        extension.putIfAbsent("configurable_product_options", JsonNodeFactory.instance.arrayNode());
        extension.putIfAbsent("configurable_product_links", JsonNodeFactory.instance.arrayNode());
        try {
            configurables.validate(extension);
        } catch (MagentoFault invalid) {
            parent.set("extension_attributes", before);
            throw invalid;
        }
    }
}
