package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated store's orders, invoices and shipments, kept as the JSON Magento returns, changed the way
 * M/Sales/Model/InvoiceOrder, ShipOrder and OrderManagement::addComment do: each document is validated first (all
 * messages at once, as one "Document Validation Error(s)" message), then the order's quantities, totals, state and
 * {@code updated_at} move with it. Every method is synchronized; callers get copies.
 */
final class SalesStore {

    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final OrderPlacement placement;
    private final CustomerStore customers;
    private final Clock clock;
    private final Map<Long, ObjectNode> orders = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> invoices = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> shipments = new LinkedHashMap<>();
    private long lastOrderId;
    private long lastItemId;
    private long lastInvoiceId;
    private long lastShipmentId;
    private long lastCommentId;

    SalesStore(OrderPlacement placement, CustomerStore customers, Clock clock) {
        this.placement = placement;
        this.customers = customers;
        this.clock = clock;
    }

    /** Checkout: the order saved, and invoiced at once when the payment captures on placement. */
    synchronized ObjectNode place(PlacedOrder placed) {
        JsonNode customer = null;
        if (placed.customerId() != null) {
            customer = customers.get(placed.customerId())
                    .orElseThrow(() -> MagentoFault.noSuchEntity("customerId", placed.customerId()));
        }
        long id = ++lastOrderId;
        ObjectNode order = placement.place(placed, customer, id, "%09d".formatted(id), now(), () -> ++lastItemId);
        orders.put(id, order);
        if (placed.comment() != null) {
            addComment(id, order.objectNode().put("comment", placed.comment()));
        }
        if (placed.invoiceNow()) {
            invoice(id, true, null);
        }
        return orders.get(id).deepCopy();
    }

    synchronized Optional<ObjectNode> order(long id) {
        return Optional.ofNullable(orders.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> orders() {
        return orders.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> invoices() {
        return invoices.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> shipments() {
        return shipments.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** OrderManagement::addComment: a history entry, newest first as Order::getStatusHistories lists them. */
    synchronized boolean addComment(long orderId, JsonNode history) {
        ObjectNode order = existing(orderId);
        String comment = CustomerJson.text(history, "comment").orElse("");
        ObjectNode entry = ((ArrayNode) order.get("status_histories")).insertObject(0);
        entry.put("entity_id", ++lastCommentId).put("parent_id", orderId).put("comment", comment)
                .put("is_customer_notified", CustomerJson.number(history, "is_customer_notified").orElse(0L))
                .put("is_visible_on_front", CustomerJson.number(history, "is_visible_on_front").orElse(0L))
                .put("status", order.get("status").asString()).put("created_at", now()).put("entity_name", "order");
        order.put("updated_at", now());
        return true;
    }

    /**
     * InvoiceOrder::execute for everything left to invoice (SkyLink never invoices part of an order). Refused when the
     * order's state forbids it or nothing is left (M/Sales/Model/Order/Validation/CanInvoice).
     */
    synchronized long invoice(long orderId, boolean capture, String comment) {
        ObjectNode order = existing(orderId);
        List<String> errors = new ArrayList<>();
        String state = order.get("state").asString();
        if (List.of("payment_review", "holded", "canceled", "complete", "closed").contains(state)) {
            errors.add("An invoice cannot be created when an order has a status of " + order.get("status").asString());
        } else if (items(order).stream().noneMatch(item -> toInvoice(item).signum() > 0)) {
            errors.add("The order does not allow an invoice to be created.");
        }
        if (!errors.isEmpty()) {
            throw MagentoFault.of(400, "Invoice Document Validation Error(s):\n" + String.join("\n", errors));
        }
        long id = ++lastInvoiceId;
        String now = now();
        ObjectNode invoice = order.objectNode();
        invoice.put("entity_id", id).put("order_id", orderId).put("increment_id", "%09d".formatted(id))
                .put("state", 2).put("grand_total", order.get("base_total_due").decimalValue())
                .put("base_grand_total", order.get("base_total_due").decimalValue())
                .put("created_at", now).put("updated_at", now);
        ArrayNode invoiceItems = invoice.putArray("items");
        for (ObjectNode item : items(order)) {
            BigDecimal qty = toInvoice(item);
            if (qty.signum() > 0) {
                invoiceItems.addObject().put("order_item_id", item.get("item_id").asLong()).put("qty", qty)
                        .put("sku", item.get("sku").asString());
                item.put("qty_invoiced", item.get("qty_invoiced").decimalValue().add(qty));
            }
        }
        ArrayNode comments = invoice.putArray("comments");
        if (comment != null) {
            comments.addObject().put("comment", comment).put("parent_id", id);
        }
        invoices.put(id, invoice);
        BigDecimal paid = order.get("base_total_due").decimalValue();
        order.put("total_invoiced", order.get("total_invoiced").decimalValue().add(paid))
                .put("total_paid", order.get("total_paid").decimalValue().add(paid))
                .put("total_due", BigDecimal.ZERO).put("base_total_due", BigDecimal.ZERO);
        settleState(order);
        order.put("updated_at", now);
        return id;
    }

    /**
     * ShipOrder::execute: the requested lines (all that is left when none are named), each checked by
     * M/Sales/Model/Order/Shipment/Validation/QuantityValidator; a configurable's child ships with its parent.
     */
    synchronized long ship(long orderId, JsonNode requestedItems, JsonNode comment, JsonNode tracks) {
        ObjectNode order = existing(orderId);
        String state = order.get("state").asString();
        List<ObjectNode> items = items(order);
        Map<Long, ObjectNode> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.get("item_id").asLong(), item));
        Map<Long, BigDecimal> lines = new LinkedHashMap<>();
        if (requestedItems == null || requestedItems.isEmpty()) {
            items.stream().filter(item -> !item.hasNonNull("parent_item_id") && toShip(item).signum() > 0)
                    .forEach(item -> lines.put(item.get("item_id").asLong(), toShip(item)));
        }
        List<String> errors = new ArrayList<>();
        if (List.of("holded", "canceled", "complete", "closed", "payment_review").contains(state)
                || items.stream().noneMatch(item -> toShip(item).signum() > 0)) {
            errors.add("The order does not allow a shipment to be created.");
        }
        BigDecimal total = BigDecimal.ZERO;
        if (requestedItems != null && !requestedItems.isEmpty()) {
            for (JsonNode requested : requestedItems) {
                long itemId = CustomerJson.number(requested, "order_item_id").orElse(-1L);
                BigDecimal qty = requested.has("qty") ? requested.get("qty").decimalValue() : BigDecimal.ZERO;
                ObjectNode item = byId.get(itemId);
                if (item == null) {
                    errors.add("The shipment contains product SKU \"" + CustomerJson.text(requested, "sku").orElse("")
                            + "\" that is not part of the original order.");
                } else if (qty.compareTo(toShip(item)) > 0) {
                    errors.add("The quantity to ship must not be greater than the unshipped quantity for product SKU \""
                            + item.get("sku").asString() + "\".");
                } else {
                    lines.merge(itemId, qty, BigDecimal::add);
                    total = total.add(qty);
                }
            }
        } else {
            total = lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (total.signum() <= 0) {
            errors.add("You can't create a shipment without products.");
        }
        if (!errors.isEmpty()) {
            throw MagentoFault.of(400, "Shipment Document Validation Error(s):\n" + String.join("\n", errors));
        }
        long id = ++lastShipmentId;
        String now = now();
        ObjectNode shipment = order.objectNode();
        shipment.put("entity_id", id).put("order_id", orderId).put("increment_id", "%09d".formatted(id))
                .put("total_qty", total).put("created_at", now).put("updated_at", now);
        ArrayNode shipmentItems = shipment.putArray("items");
        lines.forEach((itemId, qty) -> {
            ObjectNode item = byId.get(itemId);
            shipmentItems.addObject().put("order_item_id", itemId).put("qty", qty).put("sku", item.get("sku").asString())
                    .put("name", item.get("name").asString()).put("parent_id", id);
            item.put("qty_shipped", item.get("qty_shipped").decimalValue().add(qty));
            items.stream().filter(child -> child.hasNonNull("parent_item_id") && child.get("parent_item_id").asLong() == itemId)
                    .forEach(child -> child.put("qty_shipped", child.get("qty_shipped").decimalValue().add(qty)));
        });
        ArrayNode trackList = shipment.putArray("tracks");
        if (tracks != null) {
            for (JsonNode track : tracks) {
                trackList.addObject().put("track_number", CustomerJson.text(track, "track_number").orElse(""))
                        .put("title", CustomerJson.text(track, "title").orElse(""))
                        .put("carrier_code", CustomerJson.text(track, "carrier_code").orElse("custom"))
                        .put("order_id", orderId).put("parent_id", id);
            }
        }
        ArrayNode comments = shipment.putArray("comments");
        if (comment != null && comment.hasNonNull("comment")) {
            comments.addObject().put("comment", comment.get("comment").asString())
                    .put("is_visible_on_front", CustomerJson.number(comment, "is_visible_on_front").orElse(0L))
                    .put("parent_id", id).put("created_at", now);
        }
        shipments.put(id, shipment);
        settleState(order);
        order.put("updated_at", now);
        return id;
    }

    /** M/Sales/Model/ResourceModel/Order/Handler/State: processing once invoiced or shipped, complete once both are whole. */
    private void settleState(ObjectNode order) {
        List<ObjectNode> items = items(order);
        boolean invoiced = items.stream().allMatch(item -> toInvoice(item).signum() == 0);
        boolean shipped = items.stream().allMatch(item -> toShip(item).signum() == 0);
        if (invoiced && shipped) {
            order.put("state", "complete").put("status", "complete");
        } else {
            order.put("state", "processing").put("status", "processing");
        }
    }

    private ObjectNode existing(long orderId) {
        ObjectNode order = orders.get(orderId);
        if (order == null) {
            throw MagentoFault.noSuchEntity("entityId", orderId);
        }
        return order;
    }

    private static List<ObjectNode> items(ObjectNode order) {
        List<ObjectNode> items = new ArrayList<>();
        order.get("items").forEach(item -> items.add((ObjectNode) item));
        return items;
    }

    private static BigDecimal toInvoice(ObjectNode item) {
        return item.get("qty_ordered").decimalValue().subtract(item.get("qty_invoiced").decimalValue())
                .subtract(item.get("qty_canceled").decimalValue()).max(BigDecimal.ZERO);
    }

    private static BigDecimal toShip(ObjectNode item) {
        return item.get("qty_ordered").decimalValue().subtract(item.get("qty_shipped").decimalValue())
                .subtract(item.get("qty_refunded").decimalValue()).subtract(item.get("qty_canceled").decimalValue())
                .max(BigDecimal.ZERO);
    }

    private String now() {
        return MAGENTO_TIME.format(clock.instant());
    }
}
