package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One RE product as a Magento simple product (reference 3.5, "Simple products"), written only where its content
 * changed: each of {@link ProductContent}'s parts is compared with what was last written to it, and what changed goes
 * in one save (plus a store-scoped save per website whose name or price differs). Match by {@code skylink_product_id}
 * (more than one: permanent); none, but the SKU is taken by another type: permanent; none at all: create.
 */
@Component
class ProductWriter {

    static final Set<String> SIMPLE_TYPES = Set.of("simple", "virtual", "downloadable");
    private static final int MAX_URL_KEY_SUFFIX = 20;

    /** The product as written: its Magento id and SKU, and how many Magento writes it took. */
    record Written(long magentoId, String sku, int writes, String hash) {
    }

    private final MagentoCatalog magento;
    private final AttributeValues attributes;
    private final PriceGroupsInMagento priceGroups;
    private final WebsiteOverrides websiteOverrides;
    private final CatalogProperties properties;

    ProductWriter(MagentoCatalog magento, AttributeValues attributes,
                  PriceGroupsInMagento priceGroups, WebsiteOverrides websiteOverrides, CatalogProperties properties) {
        this.magento = magento;
        this.attributes = attributes;
        this.priceGroups = priceGroups;
        this.websiteOverrides = websiteOverrides;
        this.properties = properties;
    }

    /** The write targets a product's write reads, so a group can read them all at once. */
    static List<String> targets(int productId, List<Integer> websiteIds) {
        List<String> targets = new ArrayList<>(List.of("product:" + productId, "stock:" + productId, "prices:" + productId));
        websiteIds.stream().skip(1).forEach(website -> targets.add(WebsiteOverrides.target(productId, website)));
        return targets;
    }

    /**
     * Whether writing this product needs its Magento product looked up (its details changed, or it was never
     * written), so a group can look them up together ({@link MagentoMatches}).
     */
    boolean needsLookup(ProductContent content, boolean force, TargetBatch targets) {
        return force || !targets.unchanged("product:" + content.productId(), detailsHash(content))
                || targets.find("product:" + content.productId()).isEmpty();
    }

    /**
     * {@code force}: write every part whatever was last written (a drift heal: Magento was changed behind our back).
     * {@code targets}: the group's write targets (flushed by the caller); {@code matches}: the group's lookups.
     */
    Written write(ProductContent content, boolean force, TargetBatch targets, MagentoMatches matches) {
        int id = content.productId();
        String detailsHash = detailsHash(content);
        String stockHash = ContentHash.of(content.stock());
        String pricesHash = ContentHash.of(content.prices().global(), content.prices().groupPricesByWebsite());
        String hash = ContentHash.of(detailsHash, stockHash, pricesHash, content.details().websiteNames(),
                content.prices().byWebsite());
        boolean detailsChanged = force || !targets.unchanged("product:" + id, detailsHash);
        boolean stockChanged = force || !targets.unchanged("stock:" + id, stockHash);
        boolean pricesChanged = force || !targets.unchanged("prices:" + id, pricesHash);
        Optional<WriteTargets.Written> known = targets.find("product:" + id);
        if (!detailsChanged && !stockChanged && !pricesChanged) {
            WriteTargets.Written product = known.orElseThrow();
            int writes = websiteOverrides.write(product.magentoSku(), content, targets);
            return new Written(product.magentoId(), product.magentoSku(), writes, hash);
        }
        Optional<MagentoProduct> existing = detailsChanged || known.isEmpty()
                ? matches.of(id).orElseGet(() -> find(content)) : Optional.empty();
        boolean creating = detailsChanged && existing.isEmpty();
        MagentoProduct saved;
        if (creating) {
            saved = create(content);
        } else {
            String currentSku = existing.map(MagentoProduct::sku).orElseGet(() -> known.orElseThrow().magentoSku());
            Long magentoId = existing.map(MagentoProduct::id).orElseGet(() -> known.orElseThrow().magentoId());
            Map<String, String> custom = new LinkedHashMap<>();
            custom.put("skylink_product_id", String.valueOf(id));
            String name = null;
            Integer visibility = null;
            BigDecimal weight = null;
            List<Integer> websiteIds = null;
            if (detailsChanged) {
                custom.putAll(details(content));
                name = properties.nameStrategy() == CatalogProperties.NameStrategy.ALWAYS ? content.details().name() : null;
                visibility = visibility(existing.orElseThrow().visibility(), content.details().matrixChild());
                weight = content.details().weight();
                websiteIds = content.details().websiteIds();
            }
            if (stockChanged) {
                custom.putAll(stockAttributes(content.stock()));
            }
            BigDecimal price = null;
            List<MagentoProduct.TierPrice> tiers = null;
            if (pricesChanged) {
                custom.putAll(special(content.prices().global()));
                price = content.prices().global().price();
                tiers = tierPrices(content.prices());
            }
            MagentoProduct update = new MagentoProduct(magentoId, content.details().sku(), name, null, null, price, null,
                    visibility, weight, custom, websiteIds, stockChanged ? stockItem(content.stock()) : null, tiers, null, null);
            saved = magento.saveProduct(currentSku, update, MagentoCatalog.ALL_STORES);
        }
        int writes = 1 + websiteOverrides.write(saved.sku(), content, targets);
        targets.written("product:" + id, detailsHash, saved.id(), saved.sku());
        targets.written("stock:" + id, stockHash, saved.id(), saved.sku());
        targets.written("prices:" + id, pricesHash, saved.id(), saved.sku());
        return new Written(saved.id(), saved.sku(), writes, hash);
    }

    /**
     * The global targets hash only what the global save writes: another website's own name and price are its
     * store-scoped save's (WebsiteOverrides), so a change on one channel writes only that scope.
     */
    private String detailsHash(ProductContent content) {
        return ContentHash.of(content.details().global(), properties.attributes(), properties.nameStrategy());
    }

    /** The Magento product of this RE product, by {@code skylink_product_id}, else its SKU if that is free. */
    private Optional<MagentoProduct> find(ProductContent content) {
        List<MagentoProduct> matches = magento.findProductsByAttribute("skylink_product_id", String.valueOf(content.productId()))
                .stream().filter(p -> SIMPLE_TYPES.contains(p.typeId())).toList();
        if (matches.size() > 1) {
            throw new PermanentSyncException("TOO_MANY_PRODUCT_MATCHES", "RE product " + content.productId()
                    + " matches Magento products " + matches.stream().map(MagentoProduct::sku).toList()
                    + " by skylink_product_id; remove all but one");
        }
        if (matches.size() == 1) {
            return Optional.of(matches.getFirst());
        }
        Optional<MagentoProduct> bySku = magento.getProduct(content.details().sku());
        if (bySku.isPresent()) {
            throw new PermanentSyncException("SKU_HELD_BY_ANOTHER_PRODUCT", "SKU " + content.details().sku()
                    + " of RE product " + content.productId() + " is held by Magento product " + bySku.get().id()
                    + " (type " + bySku.get().typeId() + ", skylink_product_id "
                    + bySku.get().attribute("skylink_product_id").orElse("none") + ")");
        }
        return Optional.empty();
    }

    private MagentoProduct create(ProductContent content) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("skylink_product_id", String.valueOf(content.productId()));
        custom.putAll(details(content));
        custom.putAll(stockAttributes(content.stock()));
        custom.putAll(special(content.prices().global()));
        // Matrix children share their name: their SKU in the key keeps it unique (reference: #8188, #11266).
        String urlKey = UrlKeys.of(content.details().matrixChild()
                ? content.details().name() + " " + content.details().sku() : content.details().name());
        for (int suffix = 0; ; suffix++) {
            custom.put("url_key", suffix == 0 ? urlKey : urlKey + "-" + suffix);
            MagentoProduct product = new MagentoProduct(null, content.details().sku(), content.details().name(), "simple",
                    properties.attributeSetId(), content.prices().global().price(), 1,
                    content.details().matrixChild() ? MagentoProduct.NOT_VISIBLE_INDIVIDUALLY
                            : MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH,
                    content.details().weight(), custom, content.details().websiteIds(), stockItem(content.stock()),
                    tierPrices(content.prices()), null, null);
            try {
                return magento.createProduct(product);
            } catch (MagentoException.Rejected taken) {
                if (!taken.getMessage().startsWith("URL key for specified store already exists.") || suffix >= MAX_URL_KEY_SUFFIX) {
                    throw taken;
                }
            }
        }
    }

    private Map<String, String> details(ProductContent content) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("manufacturer_sku", content.details().manufacturerSku());
        custom.putAll(attributes.of(content.details().options()));
        return custom;
    }

    private static Map<String, String> stockAttributes(ProductContent.Stock stock) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("qty_available", String.valueOf(stock.available()));
        custom.put("qty_on_order", String.valueOf(stock.onOrder()));
        return custom;
    }

    private static MagentoProduct.StockItem stockItem(ProductContent.Stock stock) {
        return new MagentoProduct.StockItem(stock.qty(), stock.inStock(), stock.managed(), false);
    }

    /** Special price and dates; all null (cleared) when there is none or it has ended. */
    static Map<String, String> special(ProductContent.WebsitePrices prices) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("special_price", prices.specialPrice() == null ? null : prices.specialPrice().toPlainString());
        custom.put("special_from_date", prices.specialFrom());
        custom.put("special_to_date", prices.specialTo());
        return custom;
    }

    /** One tier per RE price group per website, from that website's channel; none at website 0. */
    List<MagentoProduct.TierPrice> tierPrices(ProductContent.Prices prices) {
        List<MagentoProduct.TierPrice> tiers = new ArrayList<>();
        prices.byWebsite().forEach((website, websitePrices) -> websitePrices.groupPrices().forEach((key, price) ->
                tiers.add(new MagentoProduct.TierPrice(priceGroups.groupOf(key), BigDecimal.ONE, price, website))));
        return tiers;
    }

    /** Reference 3.5: a merchant's Catalog or Search is kept; otherwise matrix children are not visible on their own. */
    static Integer visibility(Integer current, boolean matrixChild) {
        if (current != null && (current == MagentoProduct.VISIBLE_IN_CATALOG || current == MagentoProduct.VISIBLE_IN_SEARCH)) {
            return null;
        }
        return matrixChild ? MagentoProduct.NOT_VISIBLE_INDIVIDUALLY : MagentoProduct.VISIBLE_IN_CATALOG_AND_SEARCH;
    }
}
