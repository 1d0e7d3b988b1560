package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a shopper's cart ({@link PlacedOrder}) into the order Magento's checkout saves (M/Quote/Model/QuoteManagement
 * ::submit, M/Sales/Model/Order): state {@code new}/{@code pending}, one item per cart line and, for a configurable or
 * a bundle, child items under it carrying no price; the row discount on the parent ({@code discount_amount} is the
 * row's, positive; the order's is negative); totals including tax; the shipping address in the shipping assignment.
 */
final class OrderPlacement {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ShopProducts products;

    OrderPlacement(ShopProducts products) {
        this.products = products;
    }

    /** The order as saved; ids come from the suppliers, the customer's names from {@code customer} when registered. */
    ObjectNode place(PlacedOrder placed, JsonNode customer, long orderId, String incrementId, String now,
                     LongSupplier itemIds) {
        ObjectNode order = NODES.objectNode();
        order.put("entity_id", orderId).put("increment_id", incrementId).put("state", "new").put("status", "pending")
                .put("store_id", 1).put("created_at", now).put("updated_at", now);
        boolean guest = placed.customerId() == null;
        String email = placed.email() != null ? placed.email() : CustomerJson.text(customer, "email").orElse("");
        if (guest) {
            order.putNull("customer_id");
            order.put("customer_is_guest", 1).put("customer_group_id", 0);
        } else {
            order.put("customer_id", placed.customerId()).put("customer_is_guest", 0)
                    .put("customer_group_id", CustomerJson.number(customer, "group_id").orElse(1L));
        }
        order.put("customer_email", email);
        order.put("customer_firstname", guest ? placed.billing().firstname()
                : CustomerJson.text(customer, "firstname").orElse(placed.billing().firstname()));
        order.put("customer_lastname", guest ? placed.billing().lastname()
                : CustomerJson.text(customer, "lastname").orElse(placed.billing().lastname()));
        if (placed.customerNote() != null) {
            order.put("customer_note", placed.customerNote());
        }
        ArrayNode items = order.putArray("items");
        BigDecimal subtotalInclTax = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (PlacedOrder.Line line : placed.lines()) {
            ShopProducts.Product product = product(line.sku());
            List<ShopProducts.Product> chosen = new ArrayList<>();
            for (String option : line.options()) {
                chosen.add(product(option));
            }
            // A configurable's line is priced by the chosen simple, and Magento gives the parent item its SKU.
            ShopProducts.Product priced = product.type().equals("configurable") && !chosen.isEmpty() ? chosen.getFirst() : product;
            long parentId = itemIds.getAsLong();
            BigDecimal qty = BigDecimal.valueOf(line.qty());
            BigDecimal rowInclTax = money(priced.priceInclTax().multiply(qty));
            BigDecimal rowTax = money(priced.priceExclTax().multiply(qty).multiply(priced.taxRate()));
            ObjectNode item = items.addObject();
            item.put("item_id", parentId).put("order_id", orderId).put("product_id", product.id())
                    .put("product_type", product.type()).put("sku", priced.sku()).put("name", product.name())
                    .put("qty_ordered", qty).put("qty_invoiced", 0).put("qty_shipped", 0).put("qty_canceled", 0)
                    .put("qty_refunded", 0).put("price", money(priced.priceExclTax()))
                    .put("price_incl_tax", money(priced.priceInclTax())).put("discount_amount", money(line.discount()))
                    .put("tax_amount", rowTax).put("tax_percent", priced.taxRate().movePointRight(2))
                    .put("row_total_incl_tax", rowInclTax).put("is_virtual", 0);
            for (ShopProducts.Product child : chosen) {
                items.addObject().put("item_id", itemIds.getAsLong()).put("order_id", orderId)
                        .put("parent_item_id", parentId).put("product_id", child.id()).put("product_type", child.type())
                        .put("sku", child.sku()).put("name", child.name()).put("qty_ordered", qty)
                        .put("qty_invoiced", 0).put("qty_shipped", 0).put("qty_canceled", 0).put("qty_refunded", 0)
                        .put("price", 0).put("price_incl_tax", 0).put("discount_amount", 0).put("tax_amount", 0)
                        .put("row_total_incl_tax", 0).put("is_virtual", 0);
            }
            subtotalInclTax = subtotalInclTax.add(rowInclTax);
            discount = discount.add(money(line.discount()));
            tax = tax.add(rowTax);
        }
        BigDecimal shipping = money(placed.shippingInclTax());
        BigDecimal shippingTax = money(shipping.multiply(placed.shippingTaxRate())
                .divide(BigDecimal.ONE.add(placed.shippingTaxRate()), 4, RoundingMode.HALF_UP));
        BigDecimal grandTotal = subtotalInclTax.subtract(discount).add(shipping);
        order.put("subtotal_incl_tax", subtotalInclTax).put("discount_amount", discount.negate())
                .put("tax_amount", tax.add(shippingTax)).put("shipping_incl_tax", shipping)
                .put("shipping_amount", shipping.subtract(shippingTax)).put("shipping_tax_amount", shippingTax)
                .put("grand_total", grandTotal).put("base_grand_total", grandTotal).put("total_due", grandTotal)
                .put("base_total_due", grandTotal).put("total_paid", 0).put("total_invoiced", 0)
                .put("total_qty_ordered", placed.lines().stream().mapToInt(PlacedOrder.Line::qty).sum());
        if (placed.shippingMethod() != null) {
            order.put("shipping_method", placed.shippingMethod());
            order.put("shipping_description", placed.shippingDescription() == null ? "" : placed.shippingDescription());
        }
        order.set("billing_address", address(placed.billing(), "billing", email, orderId));
        order.putObject("payment").put("method", placed.paymentMethod()).put("parent_id", orderId);
        order.putArray("status_histories");
        ArrayNode assignments = order.putObject("extension_attributes").putArray("shipping_assignments");
        ObjectNode shippingNode = assignments.addObject().putObject("shipping");
        shippingNode.set("address", address(placed.shipping() != null ? placed.shipping() : placed.billing(),
                "shipping", email, orderId));
        if (placed.shippingMethod() != null) {
            shippingNode.put("method", placed.shippingMethod());
        }
        return order;
    }

    private ShopProducts.Product product(String sku) {
        return products.forOrder(sku).orElseThrow(() -> MagentoFault.noSuchEntity("sku", sku));
    }

    private static ObjectNode address(PlacedOrder.Address address, String type, String email, long orderId) {
        ObjectNode node = NODES.objectNode();
        node.put("address_type", type).put("parent_id", orderId).put("firstname", address.firstname())
                .put("lastname", address.lastname()).put("email", email);
        if (address.company() != null) {
            node.put("company", address.company());
        }
        ArrayNode street = node.putArray("street");
        address.street().forEach(street::add);
        node.put("city", address.city()).put("region", address.region()).put("region_code", address.regionCode())
                .put("postcode", address.postcode()).put("country_id", address.countryId())
                .put("telephone", address.telephone());
        return node;
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
