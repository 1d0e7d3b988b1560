package com.skylinksync.sandbox.magento;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The product attribute routes of M/Catalog/etc/webapi.xml SkyLink's set-up and attribute sync use:
 * GET /V1/products/attributes (getList), GET /V1/products/attributes/:attributeCode, POST /V1/products/attributes,
 * PUT and DELETE /V1/products/attributes/:attributeCode (an operator's fix) ({@code Magento_Catalog::attributes_attributes}); GET/POST /V1/products/attributes/:attributeCode/options and
 * PUT .../options/:optionId (2.4.7); POST /V1/products/attribute-sets/attributes and
 * GET /V1/products/attribute-sets/:attributeSetId/attributes ({@code Magento_Catalog::sets}).
 */
final class ProductAttributesResource {

    private static final String ACL = "Magento_Catalog::attributes_attributes";
    private static final String SETS_ACL = "Magento_Catalog::sets";

    private final CatalogAttributes attributes;
    private final ObjectMapper json;

    ProductAttributesResource(CatalogAttributes attributes, ObjectMapper json) {
        this.attributes = attributes;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "products/attributes", ACL, call -> Reply.json(200, SearchResults.page(attributes.all(),
                        SearchCriteria.parse(call.rawQuery()), (attribute, field) -> CustomerJson.text(attribute, field)))),
                new Route("POST", "products/attributes", ACL, call -> Reply.json(200,
                        attributes.save(RequestBody.parameter(json, call.body(), "attribute")))),
                new Route("POST", "products/attribute-sets/attributes", SETS_ACL, this::assign),
                new Route("GET", "products/attribute-sets/:attributeSetId/attributes", SETS_ACL, call -> {
                    ArrayNode list = JsonNodeFactory.instance.arrayNode();
                    attributes.inSet(integer(call.parameter("attributeSetId"), "attributeSetId")).forEach(list::add);
                    return Reply.json(200, list);
                }),
                new Route("GET", "products/attributes/:attributeCode", ACL, call -> Reply.json(200,
                        attributes.get(call.parameter("attributeCode")).orElseThrow(() -> noAttribute(call.parameter("attributeCode"))))),
                // ProductAttributeRepositoryInterface::save with the URL's code (M/Webapi ParamsOverrider).
                new Route("PUT", "products/attributes/:attributeCode", ACL, call -> {
                    attributes.get(call.parameter("attributeCode")).orElseThrow(() -> noAttribute(call.parameter("attributeCode")));
                    JsonNode given = RequestBody.parameter(json, call.body(), "attribute");
                    tools.jackson.databind.node.ObjectNode update = given.isObject()
                            ? ((tools.jackson.databind.node.ObjectNode) given).deepCopy() : JsonNodeFactory.instance.objectNode();
                    update.put("attribute_code", call.parameter("attributeCode"));
                    return Reply.json(200, attributes.save(update));
                }),
                new Route("DELETE", "products/attributes/:attributeCode", ACL, call -> {
                    attributes.delete(call.parameter("attributeCode"));
                    return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
                }),
                new Route("GET", "products/attributes/:attributeCode/options", ACL, call -> Reply.json(200,
                        attributes.options(call.parameter("attributeCode")))),
                // OptionManagement::add answers the new id as a string.
                new Route("POST", "products/attributes/:attributeCode/options", ACL, call -> Reply.json(200,
                        JsonNodeFactory.instance.stringNode(attributes.addOption(call.parameter("attributeCode"),
                                RequestBody.parameter(json, call.body(), "option"))))),
                new Route("PUT", "products/attributes/:attributeCode/options/:optionId", ACL, call -> {
                    attributes.updateOption(call.parameter("attributeCode"), call.parameter("optionId"),
                            RequestBody.parameter(json, call.body(), "option"));
                    return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
                }));
    }

    /** AttributeManagement::assign; the body's parameters are top level. */
    private Reply assign(Route.Call call) {
        int setId = RequestBody.parameter(json, call.body(), "attributeSetId").asInt();
        int groupId = RequestBody.parameter(json, call.body(), "attributeGroupId").asInt();
        JsonNode code = RequestBody.parameter(json, call.body(), "attributeCode");
        RequestBody.parameter(json, call.body(), "sortOrder");
        return Reply.json(200, JsonNodeFactory.instance.stringNode(String.valueOf(attributes.assign(setId, groupId, code.asString()))));
    }

    /** M/Eav/Model/AttributeRepository::get. */
    private static MagentoFault noAttribute(String code) {
        return MagentoFault.positional(404,
                "The attribute with a \"%1\" attributeCode doesn't exist. Verify the attribute and try again.", code);
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw MagentoFault.invalidFieldValue(name, text);
        }
    }
}
