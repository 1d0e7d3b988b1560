package com.skylinksync.sandbox.magento;

import java.util.List;

/**
 * {@code GET /V1/products/:sku} (M/Catalog/etc/webapi.xml) for the products shoppers buy here: what an order reader
 * needs of a product, its {@code skylink_product_id}. The catalogue proper (writes, searches) is not simulated here.
 */
final class ShopProductsResource {

    private final ShopProducts products;

    ShopProductsResource(ShopProducts products) {
        this.products = products;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "products/:sku", "Magento_Catalog::products", call -> {
            String sku = call.parameter("sku");
            // M/Catalog/Model/ProductRepository::get
            return Reply.json(200, ShopProducts.json(products.find(sku).orElseThrow(() -> MagentoFault.of(404,
                    "The product that was requested doesn't exist. Verify the product and try again."))));
        }));
    }
}
