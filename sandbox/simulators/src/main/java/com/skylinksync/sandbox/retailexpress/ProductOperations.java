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
            for (Map.Entry<String, String> field : product.fields(channelId).entrySet()) {
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

    /**
     * ETA per requested product: a date only when the quantity is more than is available and stock on order covers
     * it (so 25 × 124005 has one and 50 × 124006, which is in stock, has none). The date is a fixed simulated restock.
     */
    Element getProductEtaDateByChannel(Integer channelId, String requestXml) {
        Element request;
        try {
            request = OrderOperations.record(requestXml, "Products");
        } catch (IllegalArgumentException e) {
            return ResponseDocument.error(e.getMessage());
        }
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "Products");
        for (org.w3c.dom.Node n = request.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element asked) || !"Product".equals(asked.getNodeName())) {
                continue;
            }
            String id = childText(asked, "ProductID").strip();
            String qty = childText(asked, "QtyOrdered").strip();
            Element record = response.child(list, "Product");
            response.text(record, "ProductID", id);
            response.text(record, "QtyOrdered", qty);
            try {
                int wanted = Integer.parseInt(qty);
                StoredProduct product = products.find(Integer.parseInt(id))
                        .filter(p -> channelId != null && p.onChannel(channelId)).orElse(null);
                if (product != null) {
                    int available = intField(product, "StockAvailable");
                    int onOrder = intField(product, "StockOnOrder");
                    if (wanted > available && wanted <= available + onOrder) {
                        response.text(record, "ETA", RESTOCK_DATE);
                    }
                }
            } catch (NumberFormatException ignored) {
                // RE answers what it cannot read without an ETA
            }
        }
        return response.root();
    }

    static final String RESTOCK_DATE = "2017-04-03T09:00:00";

    private static int intField(StoredProduct product, String name) {
        String value = product.field(name).strip();
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static String childText(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getNodeName())) {
                return e.getTextContent();
            }
        }
        return "";
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
