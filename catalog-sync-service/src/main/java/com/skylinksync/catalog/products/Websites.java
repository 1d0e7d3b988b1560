package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoStoreView;
import com.skylinksync.magento.catalog.MagentoWebsite;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * RE sales channels as Magento websites ({@code skylink.catalog.channels}), and each website's store view for
 * store-scoped saves (the first of the website), read from Magento once.
 */
@Component
class Websites {

    private final MagentoCatalog magento;
    private final CatalogProperties properties;
    private volatile Map<String, MagentoWebsite> byCode;
    private volatile Map<Integer, String> storeByWebsite;

    Websites(MagentoCatalog magento, CatalogProperties properties) {
        this.magento = magento;
        this.properties = properties;
    }

    /** The Magento website id of a configured channel. */
    int websiteOf(int channelId) {
        String code = properties.channels().get(channelId);
        MagentoWebsite website = load().get(code);
        if (website == null) {
            throw new PermanentSyncException("WEBSITE_NOT_IN_MAGENTO", "Magento has no website " + code
                    + " (skylink.catalog.channels." + channelId + ")");
        }
        return website.id();
    }

    String storeCodeOf(int websiteId) {
        load();
        String store = storeByWebsite.get(websiteId);
        if (store == null) {
            throw new PermanentSyncException("WEBSITE_HAS_NO_STORE_VIEW", "Magento website " + websiteId + " has no store view");
        }
        return store;
    }

    private Map<String, MagentoWebsite> load() {
        Map<String, MagentoWebsite> known = byCode;
        if (known == null) {
            storeByWebsite = magento.storeViews().stream().filter(s -> s.id() > 0)
                    .collect(Collectors.toMap(MagentoStoreView::websiteId, MagentoStoreView::code, (first, second) -> first));
            known = magento.websites().stream().collect(Collectors.toMap(MagentoWebsite::code, Function.identity()));
            byCode = known;
        }
        return known;
    }
}
