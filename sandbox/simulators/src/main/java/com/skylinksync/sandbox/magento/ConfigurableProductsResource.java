package com.skylinksync.sandbox.magento;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The routes of M/ConfigurableProduct/etc/webapi.xml (ACL {@code Magento_Catalog::products}), following
 * Model/LinkManagement and Model/OptionRepository: GET /V1/configurable-products/:sku/children,
 * POST .../:sku/child, DELETE .../:sku/children/:childSku, GET .../:sku/options/all, POST .../:sku/options.
 */
final class ConfigurableProductsResource {

    private static final String ACL = "Magento_Catalog::products";

    private final ProductStore products;
    private final CatalogAttributes attributes;
    private final ObjectMapper json;

    ConfigurableProductsResource(ProductStore products, CatalogAttributes attributes, ObjectMapper json) {
        this.products = products;
        this.attributes = attributes;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "configurable-products/:sku/children", ACL, this::children),
                new Route("POST", "configurable-products/:sku/child", ACL, this::addChild),
                new Route("DELETE", "configurable-products/:sku/children/:childSku", ACL, this::removeChild),
                new Route("GET", "configurable-products/:sku/options/all", ACL, call ->
                        Reply.json(200, extension(parent(call.parameter("sku"))).get("configurable_product_options"))),
                new Route("POST", "configurable-products/:sku/options", ACL, this::addOption));
    }

    /** LinkManagement::getChildren: a product that is not configurable has none. */
    private Reply children(Route.Call call) {
        ObjectNode parent = parent(call.parameter("sku"));
        ArrayNode children = JsonNodeFactory.instance.arrayNode();
        if (parent.get("type_id").asString().equals("configurable")) {
            extension(parent).get("configurable_product_links")
                    .forEach(link -> products.byId(link.asLong()).ifPresent(children::add));
        }
        return Reply.json(200, children);
    }

    private Reply addChild(Route.Call call) {
        ObjectNode parent = parent(call.parameter("sku"));
        String childSku = RequestBody.parameter(json, call.body(), "childSku").asString();
        ObjectNode child = products.get(childSku, null).orElseThrow(ProductsResource::noProduct);
        ArrayNode links = (ArrayNode) extension(parent).withArray("configurable_product_links");
        long childId = child.get("id").asLong();
        if (links.valueStream().anyMatch(link -> link.asLong() == childId)) {
            throw MagentoFault.of(400, "The product is already attached.");
        }
        ArrayNode options = (ArrayNode) extension(parent).withArray("configurable_product_options");
        if (options.isEmpty()) {
            throw MagentoFault.of(400, "The parent product doesn't have configurable product options.");
        }
        for (JsonNode option : options) {
            String code = attributes.codeOf(option.path("attribute_id").asInt()).orElseThrow();
            if (products.valueOf(child, code).filter(value -> !value.isEmpty()).isEmpty()) {
                throw MagentoFault.positional(400,
                        "The child product doesn't have the \"%1\" attribute value. Verify the value and try again.", code);
            }
        }
        ArrayNode updated = links.deepCopy();
        updated.add(childId);
        products.saveConfigurable(call.parameter("sku"), null, updated);
        return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
    }

    private Reply removeChild(Route.Call call) {
        ObjectNode parent = parent(call.parameter("sku"));
        if (!parent.get("type_id").asString().equals("configurable")) {
            throw MagentoFault.positional(400, "The product with the \"%1\" SKU isn't a configurable product.",
                    call.parameter("sku"));
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        boolean found = false;
        for (JsonNode link : extension(parent).withArray("configurable_product_links")) {
            boolean isChild = products.byId(link.asLong())
                    .filter(child -> child.get("sku").asString().equalsIgnoreCase(call.parameter("childSku"))).isPresent();
            found |= isChild;
            if (!isChild) {
                kept.add(link);
            }
        }
        if (!found) {
            throw MagentoFault.of(404, "The option that was requested doesn't exist. Verify the entity and try again.");
        }
        products.saveConfigurable(call.parameter("sku"), null, kept);
        return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
    }

    /** OptionRepository::save for a new option: turns the product configurable; returns the option id. */
    private Reply addOption(Route.Call call) {
        ObjectNode parent = parent(call.parameter("sku"));
        JsonNode option = RequestBody.parameter(json, call.body(), "option");
        int attributeId = option.path("attribute_id").asInt();
        attributes.codeOf(attributeId).filter(attributes::usesOptions)
                .orElseThrow(() -> MagentoFault.invalidFieldValue("attribute_id", attributeId));
        ArrayNode options = ((ArrayNode) extension(parent).withArray("configurable_product_options")).deepCopy();
        if (options.valueStream().anyMatch(existing -> existing.path("attribute_id").asInt() == attributeId)) {
            throw MagentoFault.of(400, "Product already has this option");
        }
        long id = parent.get("id").asLong() * 100 + options.size() + 1;
        ObjectNode stored = (ObjectNode) option.deepCopy();
        stored.put("id", id).put("attribute_id", String.valueOf(attributeId)).put("product_id", parent.get("id").asLong());
        options.add(stored);
        products.saveConfigurable(call.parameter("sku"), options, null);
        return Reply.json(200, JsonNodeFactory.instance.numberNode(id));
    }

    private ObjectNode parent(String sku) {
        return products.get(sku, null).orElseThrow(ProductsResource::noProduct);
    }

    private static ObjectNode extension(ObjectNode product) {
        return (ObjectNode) product.get("extension_attributes");
    }
}
