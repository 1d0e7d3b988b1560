package com.skylinksync.sandbox.magento;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The store routes of M/Store/etc/webapi.xml SkyLink reads, under {@code Magento_Backend::store}:
 * GET /V1/store/websites and GET /V1/store/storeViews.
 */
final class StoreResource {

    private static final String ACL = "Magento_Backend::store";

    private final StoreDirectory stores;

    StoreResource(StoreDirectory stores) {
        this.stores = stores;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "store/websites", ACL, call -> Reply.json(200, array(stores.websitesJson()))),
                new Route("GET", "store/storeViews", ACL, call -> Reply.json(200, array(stores.storeViewsJson()))));
    }

    private static ArrayNode array(List<? extends tools.jackson.databind.JsonNode> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
