package com.skylinksync.sandbox.magento;

import java.util.List;

/**
 * {@code GET /V1/products/:sku} (M/Catalog/etc/webapi.xml) for the products shoppers buy here: what an order reader
 * needs of a product, its {@code skylink_product_id}. The catalogue proper (writes, searches) is not simulated here.
 */
final class ShopProductsResource {

    private final ShopProducts products;
    private final Route.Handler otherwise;

    /** {@code otherwise} answers SKUs that are not shop products (the catalog's own products). */
    ShopProductsResource(ShopProducts products, Route.Handler otherwise) {
        this.products = products;
        this.otherwise = otherwise;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "products/:sku", "Magento_Catalog::products", call -> {
            String sku = call.parameter("sku");
            // M/Catalog/Model/ProductRepository::get
            return products.find(sku).map(product -> Reply.json(200, ShopProducts.json(product)))
                    .orElseGet(() -> otherwise.handle(call));
        }));
    }
}
