package com.skylinksync.sandbox.magento;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sales routes of M/Sales/etc/webapi.xml the simulated store answers: GET /V1/orders, GET /V1/orders/:id,
 * POST /V1/orders/:id/comments, GET /V1/invoices, POST /V1/order/:orderId/invoice, GET /V1/shipments,
 * POST /V1/order/:orderId/ship, with their ACL resources.
 */
final class SalesResource {

    private final SalesStore sales;
    private final ObjectMapper json;

    SalesResource(SalesStore sales, ObjectMapper json) {
        this.sales = sales;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "orders", "Magento_Sales::actions_view", call -> search(call, sales.orders())),
                new Route("GET", "orders/:id", "Magento_Sales::actions_view", this::get),
                new Route("POST", "orders/:id/comments", "Magento_Sales::comment", this::comment),
                new Route("GET", "invoices", "Magento_Sales::sales_invoice", call -> search(call, sales.invoices())),
                new Route("POST", "order/:orderId/invoice", "Magento_Sales::invoice", this::invoice),
                new Route("GET", "shipments", "Magento_Sales::shipment", call -> search(call, sales.shipments())),
                new Route("POST", "order/:orderId/ship", "Magento_Sales::ship", this::ship));
    }

    /** A sales grid filters and sorts on the entity's own columns; a field it does not have matches nothing. */
    private Reply search(Route.Call call, List<ObjectNode> entities) {
        SearchCriteria criteria = SearchCriteria.parse(call.rawQuery());
        return Reply.json(200, SearchResults.page(entities, criteria, SalesResource::column));
    }

    private Reply get(Route.Call call) {
        long id = id(call.parameter("id"), "id");
        return Reply.json(200, sales.order(id).orElseThrow(() -> MagentoFault.noSuchEntity("entityId", id)));
    }

    private Reply comment(Route.Call call) {
        long id = id(call.parameter("id"), "id");
        JsonNode history = RequestBody.parameter(json, call.body(), "statusHistory");
        return Reply.json(200, JsonNodeFactory.instance.booleanNode(sales.addComment(id, history)));
    }

    private Reply invoice(Route.Call call) {
        long orderId = id(call.parameter("orderId"), "orderId");
        JsonNode body = body(call.body());
        boolean capture = body.hasNonNull("capture") && body.get("capture").asBoolean();
        String comment = body.hasNonNull("comment") && body.get("comment").hasNonNull("comment")
                ? body.get("comment").get("comment").asString() : null;
        return Reply.json(200, JsonNodeFactory.instance.numberNode(sales.invoice(orderId, capture, comment)));
    }

    private Reply ship(Route.Call call) {
        long orderId = id(call.parameter("orderId"), "orderId");
        JsonNode body = body(call.body());
        return Reply.json(200, JsonNodeFactory.instance.numberNode(
                sales.ship(orderId, body.get("items"), body.get("comment"), body.get("tracks"))));
    }

    private JsonNode body(String body) {
        try {
            JsonNode parsed = body == null || body.isBlank() ? null : json.readTree(body);
            return parsed == null || !parsed.isObject() ? JsonNodeFactory.instance.objectNode() : parsed;
        } catch (tools.jackson.core.JacksonException malformed) {
            throw MagentoFault.of(400, "Decoding error.");
        }
    }

    private static Optional<String> column(ObjectNode entity, String field) {
        return CustomerJson.text(entity, field);
    }

    /** ServiceInputProcessor refuses a non-numeric int parameter before the repository is asked. */
    private static long id(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnId) {
            throw MagentoFault.invalidFieldValue(name, text);
        }
    }
}
