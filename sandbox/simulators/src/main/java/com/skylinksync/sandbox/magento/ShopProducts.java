package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The products a shopper can put in the cart, with what an order line copies from them (name, type, price, tax) and
 * the link SkyLink's catalogue sync gives them ({@code skylink_product_id}). Answers {@code GET /V1/products/:sku}
 * with the fields an order's reader needs. Synchronized; callers get copies.
 */
final class ShopProducts {

    record Product(long id, String sku, String name, String type, BigDecimal priceInclTax, BigDecimal taxRate,
                   Integer skylinkProductId, List<String> children) {

        BigDecimal priceExclTax() {
            return priceInclTax.divide(BigDecimal.ONE.add(taxRate), 4, RoundingMode.HALF_UP);
        }
    }

    private final Map<String, Product> bySku = new LinkedHashMap<>();
    private long lastId;

    synchronized Product add(String sku, String name, String type, BigDecimal priceInclTax, BigDecimal taxRate,
                             Integer skylinkProductId, List<String> children) {
        Product product = new Product(++lastId, sku, name, type, priceInclTax, taxRate, skylinkProductId,
                List.copyOf(children));
        bySku.put(sku, product);
        return product;
    }

    synchronized Optional<Product> find(String sku) {
        return Optional.ofNullable(bySku.get(sku));
    }

    /** As M/Catalog's ProductRepository::get renders it, the fields that matter here. */
    static ObjectNode json(Product product) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", product.id()).put("sku", product.sku()).put("name", product.name())
                .put("type_id", product.type()).put("price", product.priceExclTax()).put("status", 1);
        var attributes = node.putArray("custom_attributes");
        if (product.skylinkProductId() != null) {
            attributes.addObject().put("attribute_code", "skylink_product_id")
                    .put("value", product.skylinkProductId().toString());
        }
        return node;
    }
}
