package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
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
    private final Function<String, Optional<Product>> catalogue;
    private long lastId;

    /** {@code catalogue} finds what the store's catalogue holds (what a catalogue sync wrote) by SKU, for orders. */
    ShopProducts(Function<String, Optional<Product>> catalogue) {
        this.catalogue = catalogue;
    }

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

    /** What a shopper can order under this SKU: a product added here, else one of the store's catalogue. */
    Optional<Product> forOrder(String sku) {
        Optional<Product> own = find(sku);
        return own.isPresent() ? own : catalogue.apply(sku);
    }

    /**
     * A catalogue product ({@code GET /V1/products/:sku} as the catalogue stores it) as an order line sees it: its
     * price read as GST-inclusive (the store's prices include tax, 10 %), its {@code skylink_product_id}.
     */
    static Optional<Product> fromCatalogue(JsonNode product) {
        if (product == null || !product.has("sku")) {
            return Optional.empty();
        }
        Integer link = null;
        for (JsonNode attribute : product.path("custom_attributes")) {
            if ("skylink_product_id".equals(attribute.path("attribute_code").asString())) {
                try {
                    link = Integer.valueOf(attribute.path("value").asString().strip());
                } catch (NumberFormatException notAnId) {
                    link = null;
                }
            }
        }
        return Optional.of(new Product(product.path("id").asLong(), product.path("sku").asString(),
                product.path("name").asString(), product.path("type_id").asString("simple"),
                product.path("price").decimalValue(), new BigDecimal("0.1"), link, List.of()));
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
