package com.skylinksync.sandbox.magento;

import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Product URL keys as Magento makes and checks them (M/Catalog/Model/Product/Url, M/CatalogUrlRewrite). */
final class ProductUrlKeys {

    private final ProductIndex index;
    private final LongFunction<ObjectNode> products;

    /** {@code products}: a stored product by id. */
    ProductUrlKeys(ProductIndex index, LongFunction<ObjectNode> products) {
        this.index = index;
        this.products = products;
    }

    /** M/CatalogUrlRewrite: a URL key is unique per store view among the products of that store. */
    void check(long id, String urlKey, List<Integer> websites) {
        if (urlKey.isEmpty()) {
            return;
        }
        for (Long otherId : index.idsWith("url_key", urlKey)) {
            ObjectNode other = products.apply(otherId);
            if (other.get("id").asLong() == id) {
                continue;
            }
            JsonNode otherKey = ProductNodes.customAttributes(other).get("url_key");
            boolean sameStore = ProductNodes.websiteIds((ObjectNode) other.get("extension_attributes")).stream().anyMatch(websites::contains);
            if (sameStore && otherKey != null && otherKey.asString().equalsIgnoreCase(urlKey)) {
                throw MagentoFault.of(400, "URL key for specified store already exists.");
            }
        }
    }

    /** M/Catalog/Model/Product/Url::formatUrlKey: lower case, anything but letters and digits a single dash. */
    static String urlKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
