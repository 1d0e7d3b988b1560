package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A product's own name and price on a website other than the first (reference 3.5, "per-website price and name where
 * channels differ"): a store-scoped save through {@code /rest/<the website's store>/V1/products/<sku>} (Magento keeps
 * the website-scoped price and special price for every store view of the website, the name for that store view).
 * Each website's target {@code website:<RE id>:<website id>} holds the hash of what it shows. A website that never
 * differed is never written; once it has had its own values, Magento keeps them until overwritten (REST cannot put a
 * store view back on the default), so from then on it is written whenever what it should show changes, its own values
 * or the global ones it follows again.
 */
@Component
class WebsiteOverrides {

    private final MagentoCatalog magento;
    private final Websites websites;
    private final CatalogProperties properties;

    WebsiteOverrides(MagentoCatalog magento, Websites websites, CatalogProperties properties) {
        this.magento = magento;
        this.websites = websites;
        this.properties = properties;
    }

    static String target(int productId, int website) {
        return "website:" + productId + ":" + website;
    }

    /** The store-scoped saves the product's websites need; returns how many were made. */
    int write(String sku, ProductContent content, TargetBatch targets) {
        int writes = 0;
        ProductContent.WebsitePrices global = content.prices().global();
        List<Integer> websiteIds = content.details().websiteIds();
        for (Integer website : websiteIds.subList(1, websiteIds.size())) {
            ProductContent.WebsitePrices own = content.prices().byWebsite().get(website);
            String ownName = content.details().websiteNames().get(website);
            boolean differs = ownName != null || own.price().compareTo(global.price()) != 0
                    || !Objects.equals(ProductWriter.special(own), ProductWriter.special(global));
            String target = target(content.productId(), website);
            Optional<WriteTargets.Written> shown = targets.find(target);
            if (shown.isEmpty() && !differs) {
                continue;
            }
            String name = ownName == null ? content.details().name() : ownName;
            ProductContent.WebsitePrices prices = differs ? own : global;
            String hash = ContentHash.of(name, prices.price(), ProductWriter.special(prices), properties.nameStrategy());
            if (shown.map(WriteTargets.Written::contentHash).filter(hash::equals).isPresent()) {
                continue;
            }
            MagentoProduct saved = magento.saveProduct(sku, new MagentoProduct(null, sku,
                    properties.nameStrategy() == CatalogProperties.NameStrategy.ALWAYS ? name : null, null, null,
                    prices.price(), null, null, null, ProductWriter.special(prices), null, null, null, null, null),
                    websites.storeCodeOf(website));
            targets.written(target, hash, saved.id(), saved.sku());
            writes++;
        }
        return writes;
    }
}
