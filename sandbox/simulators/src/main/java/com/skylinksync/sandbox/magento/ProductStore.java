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
 * Products as M/Catalog/Model/ProductRepository::save keeps them, with what SkyLink relies on: required name, price and
 * attribute set; select values that must be option ids; the URL key generated from the name and unique per store
 * (M/CatalogUrlRewrite: "URL key for specified store already exists."); website links (a new product saved through a
 * store view goes to that store's website, through {@code all} to every website, #11324; given {@code website_ids}
 * replace the links); the stock item; tier prices (given ones replace all); configurable options and links, with
 * ConfigurableProduct's check that no two children share a set of attribute values; and store-scoped values: a save
 * through {@code /rest/<store>/V1} keeps name, price, special price, status, visibility and description for that store
 * view (website-scoped ones for every store view of its website), which reads through that store code see.
 *
 * <p>A product is identified by its SKU, or by {@code id} when the body carries one (which is how a SKU is renamed).
 */
final class ProductStore {

    /** The store-level values a store-scoped save keeps apart (M/Catalog attributes whose scope is not global). */
    private static final Set<String> SCOPED_FIELDS = Set.of("name", "price", "status", "visibility");
    private static final Set<String> SCOPED_CUSTOM = Set.of("special_price", "special_from_date", "special_to_date",
            "description", "url_key");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Set<String> TYPES = Set.of("simple", "virtual", "downloadable", "configurable", "bundle", "grouped");

    private final CatalogAttributes attributes;
    private final StoreDirectory stores;
    private final Clock clock;
    private final Map<Long, ObjectNode> products = new LinkedHashMap<>();
    // product id -> store id -> field -> value (top-level fields and custom attribute codes alike)
    private final Map<Long, Map<Integer, Map<String, JsonNode>>> storeValues = new HashMap<>();
    // MySQL's indexes, so a large catalogue is not scanned per request: SKU, and every custom attribute's value.
    private final Map<String, Long> skuIndex = new HashMap<>();
    private final Map<String, Map<String, Set<Long>>> byAttribute = new HashMap<>();
    private long lastId = 0;

    ProductStore(CatalogAttributes attributes, StoreDirectory stores, Clock clock) {
        this.attributes = attributes;
        this.stores = stores;
        this.clock = clock;
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
        String sku = CustomerJson.text(given, "sku").orElse(existing == null ? "" : existing.get("sku").asString()).trim();
        if (sku.isEmpty()) {
            throw MagentoFault.of(400, "The \"sku\" attribute value is empty. Set the attribute and try again.");
        }
        if (sku.length() > 64) {
            throw MagentoFault.positional(400, "SKU length should be %1 characters maximum.", 64);
        }
        Optional<ObjectNode> holder = bySku(sku);
        if (holder.isPresent() && existing != null && holder.get() != existing) {
            throw MagentoFault.of(400, "The product was unable to be saved. Please try again.");
        }
        boolean creating = existing == null;
        ObjectNode product = creating ? JsonNodeFactory.instance.objectNode() : existing.deepCopy();
        long id = creating ? lastId + 1 : product.get("id").asLong();
        product.put("id", id).put("sku", sku);
        String type = CustomerJson.text(given, "type_id").orElse(creating ? "simple" : product.get("type_id").asString());
        if (!TYPES.contains(type)) {
            throw MagentoFault.invalidFieldValue("type_id", type);
        }
        product.put("type_id", type);
        validateAttributeSet(given, product, creating);
        boolean scoped = store != null && !creating;
        Map<String, JsonNode> scopedValues = new LinkedHashMap<>();
        for (String field : List.of("name", "price", "status", "visibility", "weight")) {
            if (given.has(field)) {
                if (scoped && SCOPED_FIELDS.contains(field)) {
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
        requireValue(product, "name", scopedValues);
        if (!type.equals("configurable")) {
            requireValue(product, "price", scopedValues);
        }
        Map<String, JsonNode> custom = customAttributes(product);
        if (given.get("custom_attributes") instanceof ArrayNode list) {
            for (JsonNode entry : list) {
                String code = CustomerJson.text(entry, "attribute_code").orElse("");
                if (!attributes.exists(code)) {
                    continue; // the repository ignores codes that are not attributes of the set
                }
                JsonNode value = entry.get("value");
                if (value != null && !value.isNull() && value.isValueNode() && !value.asString().isEmpty()
                        && attributes.usesOptions(code) && !attributes.hasOption(code, value.asString())) {
                    throw MagentoFault.invalidFieldValue(code, value.asString());
                }
                if (scoped && SCOPED_CUSTOM.contains(code)) {
                    scopedValues.put(code, value);
                } else {
                    custom.put(code, value);
                }
            }
        }
        if (creating && !custom.containsKey("url_key")) {
            custom.put("url_key", JsonNodeFactory.instance.stringNode(urlKey(product.get("name").asString())));
        }
        ObjectNode extension = product.has("extension_attributes") ? (ObjectNode) product.get("extension_attributes")
                : JsonNodeFactory.instance.objectNode();
        JsonNode givenExtension = given.path("extension_attributes");
        applyWebsites(extension, givenExtension, creating, store);
        applyStock(extension, givenExtension, id);
        applyConfigurable(type, extension, givenExtension, id);
        product.set("extension_attributes", extension);
        if (given.get("tier_prices") instanceof ArrayNode tiers) {
            product.set("tier_prices", tiers.deepCopy());
        } else if (!product.has("tier_prices")) {
            product.putArray("tier_prices");
        }
        String urlKey = custom.get("url_key") == null ? "" : custom.get("url_key").asString();
        checkUrlKey(id, urlKey, websiteIds(extension));
        ArrayNode customList = product.putArray("custom_attributes");
        custom.forEach((code, value) -> customList.addObject().put("attribute_code", code)
                .set("value", value == null ? JsonNodeFactory.instance.nullNode() : value));
        String now = TIMESTAMP.format(clock.instant());
        if (creating) {
            product.put("created_at", now);
            lastId = id;
        }
        product.put("updated_at", now);
        reindex(existing, product);
        products.put(id, product);
        if (scoped && !scopedValues.isEmpty()) {
            keepStoreValues(id, store, scopedValues);
        }
        return view(product, store);
    }

    private void validateAttributeSet(ObjectNode given, ObjectNode product, boolean creating) {
        Optional<Long> set = CustomerJson.number(given, "attribute_set_id");
        if (set.isEmpty() && creating) {
            throw MagentoFault.requiredField("attribute_set_id");
        }
        if (set.isPresent()) {
            if (!attributes.isSet(set.get().intValue())) {
                throw MagentoFault.invalidFieldValue("attribute_set_id", set.get().intValue());
            }
            product.put("attribute_set_id", set.get().intValue());
        }
    }

    /** AbstractBackend::validate: a required attribute with no value, named by its label. */
    private void requireValue(ObjectNode product, String field, Map<String, JsonNode> scopedValues) {
        JsonNode value = scopedValues.containsKey(field) ? scopedValues.get(field) : product.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw MagentoFault.positional(400, "The \"%1\" attribute value is empty. Set the attribute and try again.",
                    attributes.label(field));
        }
        if (field.equals("price") && !value.isNumber()) {
            try {
                Double.parseDouble(value.asString());
            } catch (NumberFormatException notAPrice) {
                throw MagentoFault.named(400, "Error occurred during \"%field_name\" processing. %details",
                        new LinkedHashMap<>(Map.of("field_name", "price", "details",
                                "Invalid type for value: \"" + value.asString() + "\". Expected Type: \"float\".")));
            }
        }
    }

    private void applyWebsites(ObjectNode extension, JsonNode given, boolean creating, StoreDirectory.StoreView store) {
        if (given.get("website_ids") instanceof ArrayNode ids) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            new LinkedHashSet<Integer>(ids.valueStream().map(JsonNode::asInt).filter(stores::isWebsite).toList())
                    .forEach(kept::add);
            extension.set("website_ids", kept);
        } else if (creating) {
            ArrayNode ids = extension.putArray("website_ids");
            (store == null ? stores.productWebsiteIds() : List.of(store.websiteId())).forEach(ids::add);
        }
    }

    private static void applyStock(ObjectNode extension, JsonNode given, long id) {
        ObjectNode stock = extension.has("stock_item") ? (ObjectNode) extension.get("stock_item")
                : JsonNodeFactory.instance.objectNode().put("item_id", id).put("product_id", id).put("stock_id", 1)
                        .put("qty", 0).put("is_in_stock", false).put("manage_stock", true)
                        .put("use_config_manage_stock", true);
        if (given.get("stock_item") instanceof ObjectNode item) {
            item.properties().forEach(entry -> {
                if (!entry.getKey().equals("item_id") && !entry.getKey().equals("product_id")) {
                    stock.set(entry.getKey(), entry.getValue());
                }
            });
        }
        extension.set("stock_item", stock);
    }

    private void applyConfigurable(String type, ObjectNode extension, JsonNode given, long id) {
        if (!type.equals("configurable")) {
            return;
        }
        if (given.get("configurable_product_options") instanceof ArrayNode options) {
            ArrayNode stored = JsonNodeFactory.instance.arrayNode();
            int next = 1;
            for (JsonNode option : options) {
                int attributeId = option.path("attribute_id").asInt();
                String code = attributes.codeOf(attributeId).filter(attributes::usesOptions).orElseThrow(() ->
                        MagentoFault.invalidFieldValue("attribute_id", attributeId));
                ObjectNode copy = (ObjectNode) option.deepCopy();
                copy.put("id", id * 100 + next++).put("attribute_id", String.valueOf(attributeId)).put("product_id", id);
                copy.putIfAbsent("label", JsonNodeFactory.instance.stringNode(attributes.label(code)));
                stored.add(copy);
            }
            extension.set("configurable_product_options", stored);
        }
        if (given.get("configurable_product_links") instanceof ArrayNode links) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            new LinkedHashSet<Long>(links.valueStream().map(JsonNode::asLong).toList()).forEach(kept::add);
            extension.set("configurable_product_links", kept);
        }
        extension.putIfAbsent("configurable_product_options", JsonNodeFactory.instance.arrayNode());
        extension.putIfAbsent("configurable_product_links", JsonNodeFactory.instance.arrayNode());
        validateLinks(extension);
    }

    /**
     * M/ConfigurableProduct/Model/Plugin/ProductRepositorySave: every child has a value for every option's attribute,
     * and no two children share a set of values.
     */
    private void validateLinks(ObjectNode extension) {
        List<String> codes = new ArrayList<>();
        extension.get("configurable_product_options").forEach(option ->
                attributes.codeOf(option.path("attribute_id").asInt()).ifPresent(codes::add));
        Map<String, Long> seen = new HashMap<>();
        for (JsonNode link : extension.get("configurable_product_links")) {
            long childId = link.asLong();
            ObjectNode child = products.get(childId);
            if (child == null) {
                throw MagentoFault.of(400, "The product that was requested doesn't exist. Verify the product and try again.");
            }
            StringBuilder key = new StringBuilder();
            for (String code : codes) {
                String value = customAttributes(child).getOrDefault(code, JsonNodeFactory.instance.nullNode()).asString();
                if (value == null || value.isEmpty() || value.equals("null")) {
                    throw MagentoFault.positional(400, "Product with id \"%1\" does not contain required attribute \"%2\".",
                            (int) childId, code);
                }
                key.append(code).append(':').append(value).append(';');
            }
            Long other = seen.putIfAbsent(key.toString(), childId);
            if (other != null) {
                throw MagentoFault.positional(400, "Products \"%1\" and \"%2\" have the same set of attribute values.",
                        (int) childId, other.intValue());
            }
        }
    }

    private void reindex(ObjectNode before, ObjectNode after) {
        long id = after.get("id").asLong();
        if (before != null) {
            skuIndex.remove(before.get("sku").asString().toLowerCase(Locale.ROOT));
            customAttributes(before).forEach((code, value) -> Optional.ofNullable(byAttribute.get(code))
                    .map(values -> values.get(indexed(value))).ifPresent(ids -> ids.remove(id)));
        }
        skuIndex.put(after.get("sku").asString().toLowerCase(Locale.ROOT), id);
        customAttributes(after).forEach((code, value) -> byAttribute.computeIfAbsent(code, c -> new HashMap<>())
                .computeIfAbsent(indexed(value), v -> new LinkedHashSet<>()).add(id));
    }

    private static String indexed(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asString().toLowerCase(Locale.ROOT);
    }

    /**
     * The products a search's first filter can only match, when that filter is an {@code eq} on the SKU or a custom
     * attribute (what an index answers); empty when the whole catalogue must be read.
     */
    synchronized Optional<List<ObjectNode>> candidates(SearchCriteria criteria, StoreDirectory.StoreView store) {
        for (List<Filter> group : criteria.filterGroups()) {
            if (group.size() != 1 || !group.getFirst().conditionType().equals("eq") || group.getFirst().value() == null) {
                continue;
            }
            Filter filter = group.getFirst();
            String value = filter.value().toLowerCase(Locale.ROOT);
            if (filter.field().equals("sku")) {
                return Optional.of(Optional.ofNullable(skuIndex.get(value)).map(products::get).map(p -> view(p, store)).stream().toList());
            }
            Map<String, Set<Long>> index = byAttribute.get(filter.field());
            if (index != null && !SCOPED_CUSTOM.contains(filter.field()) && !value.isEmpty()) {
                return Optional.of(index.getOrDefault(value, Set.of()).stream().map(products::get)
                        .map(p -> view(p, store)).toList());
            }
        }
        return Optional.empty();
    }

    /** M/CatalogUrlRewrite: a URL key is unique per store view among the products of that store. */
    private void checkUrlKey(long id, String urlKey, List<Integer> websites) {
        if (urlKey.isEmpty()) {
            return;
        }
        Set<Long> sameKey = byAttribute.getOrDefault("url_key", Map.of()).getOrDefault(urlKey.toLowerCase(Locale.ROOT), Set.of());
        for (Long otherId : sameKey) {
            ObjectNode other = products.get(otherId);
            if (other.get("id").asLong() == id) {
                continue;
            }
            JsonNode otherKey = customAttributes(other).get("url_key");
            boolean sameStore = websiteIds((ObjectNode) other.get("extension_attributes")).stream().anyMatch(websites::contains);
            if (sameStore && otherKey != null && otherKey.asString().equalsIgnoreCase(urlKey)) {
                throw MagentoFault.of(400, "URL key for specified store already exists.");
            }
        }
    }

    /** M/Catalog/Model/Product/Url::formatUrlKey: lower case, anything but letters and digits a single dash. */
    static String urlKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private void keepStoreValues(long id, StoreDirectory.StoreView store, Map<String, JsonNode> values) {
        Map<Integer, Map<String, JsonNode>> byStore = storeValues.computeIfAbsent(id, k -> new HashMap<>());
        values.forEach((field, value) -> {
            boolean websiteScope = attributes.exists(field) && attributes.scope(field).equals("website");
            List<StoreDirectory.StoreView> targets = websiteScope ? stores.storesOf(store.websiteId()) : List.of(store);
            targets.forEach(target -> byStore.computeIfAbsent(target.id(), k -> new LinkedHashMap<>()).put(field, value));
        });
    }

    private static Map<String, JsonNode> customAttributes(ObjectNode product) {
        Map<String, JsonNode> custom = new LinkedHashMap<>();
        JsonNode list = product.get("custom_attributes");
        if (list != null) {
            list.forEach(entry -> custom.put(entry.get("attribute_code").asString(), entry.get("value")));
        }
        return custom;
    }

    private static List<Integer> websiteIds(ObjectNode extension) {
        JsonNode ids = extension == null ? null : extension.get("website_ids");
        return ids == null ? List.of() : ids.valueStream().map(JsonNode::asInt).toList();
    }

    private Optional<ObjectNode> bySku(String sku) {
        return Optional.ofNullable(skuIndex.get(sku.toLowerCase(Locale.ROOT))).map(products::get);
    }

    /** The product as a read through {@code store} (null: the default store view) returns it. */
    private ObjectNode view(ObjectNode product, StoreDirectory.StoreView store) {
        ObjectNode copy = product.deepCopy();
        int storeId = store == null ? 1 : store.id();
        Map<String, JsonNode> values = storeValues.getOrDefault(product.get("id").asLong(), Map.of()).getOrDefault(storeId, Map.of());
        if (!values.isEmpty()) {
            Map<String, JsonNode> custom = customAttributes(copy);
            values.forEach((field, value) -> {
                if (SCOPED_FIELDS.contains(field)) {
                    copy.set(field, value);
                } else {
                    custom.put(field, value);
                }
            });
            ArrayNode customList = copy.putArray("custom_attributes");
            custom.forEach((code, value) -> customList.addObject().put("attribute_code", code).set("value", value));
        }
        return copy;
    }

    synchronized Optional<ObjectNode> get(String sku, StoreDirectory.StoreView store) {
        return bySku(sku).map(product -> view(product, store));
    }

    /** ProductRepository::deleteById: the product, its store values and its index entries; false when there is none. */
    synchronized boolean delete(String sku) {
        Optional<ObjectNode> product = bySku(sku);
        product.ifPresent(found -> {
            long id = found.get("id").asLong();
            skuIndex.remove(found.get("sku").asString().toLowerCase(Locale.ROOT));
            customAttributes(found).forEach((code, value) -> Optional.ofNullable(byAttribute.get(code))
                    .map(values -> values.get(indexed(value))).ifPresent(ids -> ids.remove(id)));
            products.remove(id);
            storeValues.remove(id);
        });
        return product.isPresent();
    }

    synchronized Optional<ObjectNode> byId(long id) {
        return Optional.ofNullable(products.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all(StoreDirectory.StoreView store) {
        return products.values().stream().map(product -> view(product, store)).toList();
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
        applyStock((ObjectNode) product.get("extension_attributes"), given, product.get("id").asLong());
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
        Set<Integer> ids = new LinkedHashSet<>(websiteIds(extension));
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
            validateLinks(extension);
        } catch (MagentoFault invalid) {
            parent.set("extension_attributes", before);
            throw invalid;
        }
    }
}
