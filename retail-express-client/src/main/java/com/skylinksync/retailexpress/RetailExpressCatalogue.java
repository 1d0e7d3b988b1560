package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.attributes.ProductAttributes;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.ProductEta;
import com.skylinksync.retailexpress.products.ProductMapping;
import com.skylinksync.retailexpress.soap.ArrayOfInt;
import com.skylinksync.retailexpress.soap.EcommerceServiceSoap;
import com.skylinksync.retailexpress.soap.GetAllPriceGroupsResponse.GetAllPriceGroupsResult;
import com.skylinksync.retailexpress.soap.GetAllProductAttributesResponse.GetAllProductAttributesResult;
import com.skylinksync.retailexpress.soap.GetProductEtaDateByChannelResponse.GetProductEtaDateByChannelResult;
import com.skylinksync.retailexpress.soap.GetProductIdsByChannelResponse.GetProductIdsByChannelResult;
import com.skylinksync.retailexpress.soap.GetProductsByChannelResponse.GetProductsByChannelResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Retail Express catalogue: products of a sales channel, their attribute options, price groups and ETAs, over one
 * {@link RetailExpressTransport}. Thread-safe. Every failure is a {@link RetailExpressException} whose subtype tells
 * the caller what to do.
 *
 * <p>Price groups are here because they are the catalogue's price lists: every product carries its price per
 * {@link PriceGroupKey}, and mapping those prices needs the groups' names. A customer only points at one group by
 * key, so the customer service's group sync asks the catalogue for the list too. Outlets are not here but in
 * {@link RetailExpressSales}: a channel's stock is channel-level ({@code StockAvailable}, per-outlet quantities come
 * with each product), so the outlet list only serves Click &amp; Collect, which is order handling.
 */
public final class RetailExpressCatalogue {

    private final RetailExpressTransport transport;
    private final ProductReader products = new ProductReader();
    private final ReferenceReader reference;
    private final OrderXmlWriter etaXml;

    public RetailExpressCatalogue(RetailExpressTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        Countries countries = new Countries();
        this.reference = new ReferenceReader(countries);
        this.etaXml = new OrderXmlWriter(countries);
    }

    /**
     * {@code GetProductIdsByChannel}: every {@code <Product><ProductId>} at any depth, in RE's order. An unknown or
     * empty channel gives an empty list.
     */
    public List<Integer> getProductIdsByChannel(int channelId) {
        return transport.read("GetProductIdsByChannel", port -> port.getProductIdsByChannel(channelId),
                GetProductIdsByChannelResult::getAny, result -> ResultElements.ids(result, "Product", "ProductId"));
    }

    /** {@code GetAllPriceGroups}: every price group, standard and fixed. */
    public List<PriceGroup> getAllPriceGroups() {
        return transport.read("GetAllPriceGroups", EcommerceServiceSoap::getAllPriceGroups,
                GetAllPriceGroupsResult::getAny, reference::priceGroups);
    }

    /** {@code GetAllProductAttributes}: the options of all eight attribute codes in one call. */
    public ProductAttributes getAllProductAttributes() {
        return transport.read("GetAllProductAttributes", EcommerceServiceSoap::getAllProductAttributes,
                GetAllProductAttributesResult::getAny, reference::attributes);
    }

    /** {@link #getProductsByChannel(Collection, int, ProductMapping)} with the default field choices and matrix policy. */
    public ChannelProducts getProductsByChannel(Collection<Integer> productIds, int channelId) {
        return getProductsByChannel(productIds, channelId, ProductMapping.DEFAULT);
    }

    /**
     * {@code GetProductsByChannel} for many ids in ONE call: RE returns the products on the channel, each matrix child
     * with all its siblings, grouped here into simple products and matrices. Ids RE did not return are absent
     * (unknown, or not on this channel).
     */
    public ChannelProducts getProductsByChannel(Collection<Integer> productIds, int channelId, ProductMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        if (productIds.isEmpty()) {
            return new ChannelProducts(List.of(), List.of(), List.of());
        }
        ArrayOfInt ids = new ArrayOfInt();
        ids.getInt().addAll(new LinkedHashSet<>(productIds));
        return transport.read("GetProductsByChannel", port -> port.getProductsByChannel(ids, channelId),
                GetProductsByChannelResult::getAny, result -> products.readAll(result, mapping));
    }

    /**
     * {@code GetProductEtaDateByChannel}: when RE expects each quantity (each &gt; 0) of each product. Products RE gives
     * no date for have an empty {@link ProductEta#expectedAt()}.
     */
    public List<ProductEta> getProductEtas(int channelId, Map<Integer, Integer> qtyByProduct) {
        qtyByProduct.forEach((product, qty) -> {
            if (qty == null || qty <= 0) {
                throw new IllegalArgumentException("An ETA quantity must be > 0, got " + qty + " for " + product);
            }
        });
        if (qtyByProduct.isEmpty()) {
            return List.of();
        }
        String xml = etaXml.etaRequest(new LinkedHashMap<>(qtyByProduct));
        return transport.read("GetProductEtaDateByChannel", port -> port.getProductEtaDateByChannel(channelId, xml),
                GetProductEtaDateByChannelResult::getAny, reference::etas);
    }
}
