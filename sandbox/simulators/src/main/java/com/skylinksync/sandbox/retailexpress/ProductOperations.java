package com.skylinksync.sandbox.retailexpress;

import java.util.Collection;
import java.util.Map;
import org.w3c.dom.Element;

/** GetProductIdsByChannel and GetProductsByChannel over the {@link ProductCatalogue}, answering RE's documents. */
final class ProductOperations {

    private final ProductCatalogue products;

    ProductOperations(ProductCatalogue products) {
        this.products = products;
    }

    /** {@code <Response><Products><Product><ProductId>..</ProductId></Product>...}; an unknown channel lists none. */
    Element getProductIdsByChannel(Integer channelId) {
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "Products");
        if (channelId != null) {
            for (int id : products.idsOnChannel(channelId)) {
                response.text(response.child(list, "Product"), "ProductId", String.valueOf(id));
            }
        }
        return response.root();
    }

    /**
     * {@code <Response><Products><Product>...}: the asked products on the channel, each with its matrix siblings.
     * Nothing found is an empty {@code <Products/>}, not an error: that is how RE says "not on this channel".
     */
    Element getProductsByChannel(Collection<Integer> ids, Integer channelId) {
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "Products");
        if (channelId == null) {
            return response.root();
        }
        for (StoredProduct product : products.findOnChannel(ids, channelId)) {
            Element record = response.child(list, "Product");
            boolean pricesWritten = false;
            for (Map.Entry<String, String> field : product.fields().entrySet()) {
                response.text(record, field.getKey(), field.getValue());
                // RE puts the price-group containers after TaxRate (reference 7.3); the order is not read by clients.
                if ("TaxRate".equals(field.getKey())) {
                    writePriceGroups(response, record, product);
                    pricesWritten = true;
                }
            }
            if (!pricesWritten) {
                writePriceGroups(response, record, product);
            }
            if (!product.outletStock().isEmpty()) {
                Element outlets = response.child(record, "StockAvailablePerOutlet");
                product.outletStock().forEach((outlet, qty) ->
                        response.text(outlets, "Outlet", String.valueOf(qty)).setAttribute("Id", String.valueOf(outlet)));
            }
        }
        return response.root();
    }

    private static void writePriceGroups(ResponseDocument response, Element record, StoredProduct product) {
        if (!product.standardPrices().isEmpty()) {
            Element standard = response.child(record, "Standard_Price_Group");
            product.standardPrices().forEach((group, price) ->
                    response.text(standard, "PriceGroup", price).setAttribute("Id", String.valueOf(group)));
        }
        if (!product.fixedPrices().isEmpty()) {
            Element fixed = response.child(record, "Fixed_Price_Group");
            product.fixedPrices().forEach((group, price) ->
                    response.text(fixed, "PriceGroup", price).setAttribute("Id", String.valueOf(group)));
        }
    }
}
