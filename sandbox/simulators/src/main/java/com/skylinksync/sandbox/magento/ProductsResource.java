package com.skylinksync.sandbox.magento;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The product, website-link and stock routes SkyLink uses, from M/Catalog/etc/webapi.xml (ACL
 * {@code Magento_Catalog::products}): GET /V1/products (getList), GET/PUT /V1/products/:sku, POST /V1/products,
 * DELETE /V1/products/:sku, POST /V1/products/:sku/websites, DELETE /V1/products/:sku/websites/:websiteId; and from
 * M/CatalogInventory/etc/webapi.xml ({@code Magento_CatalogInventory::cataloginventory}): GET /V1/stockItems/:productSku,
 * PUT /V1/products/:productSku/stockItems/:itemId.
 */
final class ProductsResource {

    private static final String ACL = "Magento_Catalog::products";
    private static final String STOCK_ACL = "Magento_CatalogInventory::cataloginventory";

    private final ProductStore products;
    private final CatalogAttributes attributes;
    private final StoreDirectory stores;
    private final ObjectMapper json;

    ProductsResource(ProductStore products, CatalogAttributes attributes, StoreDirectory stores, ObjectMapper json) {
        this.products = products;
        this.attributes = attributes;
        this.stores = stores;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "products", ACL, this::search),
                new Route("POST", "products", ACL, call -> Reply.json(200,
                        products.save(RequestBody.parameter(json, call.body(), "product"), null, store(call)))),
                new Route("GET", "products/:sku", ACL, this::get),
                new Route("PUT", "products/:sku", ACL, call -> Reply.json(200,
                        products.save(RequestBody.parameter(json, call.body(), "product"), call.parameter("sku"), store(call)))),
                new Route("DELETE", "products/:sku", ACL, call -> {
                    if (!products.delete(call.parameter("sku"))) {
                        throw noProduct();
                    }
                    return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
                }),
                new Route("POST", "products/:sku/websites", ACL, this::linkWebsite),
                new Route("DELETE", "products/:sku/websites/:websiteId", ACL, call -> {
                    products.website(call.parameter("sku"), integer(call.parameter("websiteId"), "websiteId"), false);
                    return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
                }),
                new Route("GET", "stockItems/:productSku", STOCK_ACL, call -> Reply.json(200,
                        products.get(call.parameter("productSku"), null).orElseThrow(ProductsResource::noProduct)
                                .get("extension_attributes").get("stock_item"))),
                new Route("PUT", "products/:productSku/stockItems/:itemId", STOCK_ACL, call -> Reply.json(200,
                        JsonNodeFactory.instance.numberNode(products.updateStock(call.parameter("productSku"),
                                RequestBody.parameter(json, call.body(), "stockItem"))))));
    }

    /** The URL's store view; null for {@code all}, the global scope. */
    StoreDirectory.StoreView store(Route.Call call) {
        return call.store().equals("all") ? null : stores.storeView(call.store()).orElseThrow();
    }

    private Reply get(Route.Call call) {
        return Reply.json(200, products.get(call.parameter("sku"), store(call)).orElseThrow(ProductsResource::noProduct));
    }

    /** ProductRepository::getList; a field that is neither a column nor an attribute fails in MySQL (masked). */
    private Reply search(Route.Call call) {
        SearchCriteria criteria = SearchCriteria.parse(call.rawQuery());
        for (String field : criteria.fields()) {
            if (!List.of("entity_id", "id", "sku", "type_id", "attribute_set_id", "created_at", "updated_at").contains(field)
                    && !attributes.exists(field)) {
                throw new IllegalStateException("SQLSTATE[42S22]: Column not found: 1054 Unknown column '" + field + "'");
            }
        }
        List<tools.jackson.databind.node.ObjectNode> scanned = products.candidates(criteria, store(call))
                .orElseGet(() -> products.all(store(call)));
        return Reply.json(200, SearchResults.page(scanned, criteria, products::valueOf));
    }

    private Reply linkWebsite(Route.Call call) {
        JsonNode link = RequestBody.parameter(json, call.body(), "productWebsiteLink");
        int websiteId = link.path("website_id").asInt();
        products.website(call.parameter("sku"), websiteId, true);
        return Reply.json(200, JsonNodeFactory.instance.booleanNode(true));
    }

    /** ProductRepository::get. */
    static MagentoFault noProduct() {
        return MagentoFault.of(404, "The product that was requested doesn't exist. Verify the product and try again.");
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw MagentoFault.invalidFieldValue(name, text);
        }
    }
}
