package com.skylinksync.magento.catalog;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Magento's catalog as typed calls over the {@link MagentoTransport}: products (M/Catalog/etc/webapi.xml), product
 * attributes, their options and attribute sets, configurable options and children (M/ConfigurableProduct), stock items
 * (M/CatalogInventory) and the websites and store views (M/Store). Every failure is a {@link MagentoException}; "not
 * found" is an empty result.
 *
 * <p>Scopes: global writes go through {@code /rest/all/V1} (a store code would create store-view overrides, #39498);
 * {@link #saveProduct(String, MagentoProduct, String)} with a store code writes that store view's (and, for
 * website-scoped attributes such as the price, its website's) values.
 */
public final class MagentoCatalog {

    /** The global scope's store code. */
    public static final String ALL_STORES = "all";

    private final MagentoTransport transport;

    public MagentoCatalog(MagentoTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** {@code GET /V1/products/{sku}}: the default store view's values; empty when Magento has no such SKU. */
    public Optional<MagentoProduct> getProduct(String sku) {
        return transport.find("/V1/products/" + MagentoTransport.segment(sku), CatalogWire.Product.class)
                .map(ProductMapping::fromWire);
    }

    /** {@code GET /{store}/V1/products/{sku}}: the product as that store view sees it. */
    public Optional<MagentoProduct> getProduct(String sku, String storeCode) {
        return transport.find("/" + MagentoTransport.segment(storeCode) + "/V1/products/" + MagentoTransport.segment(sku),
                CatalogWire.Product.class).map(ProductMapping::fromWire);
    }

    /** {@code GET /V1/products?searchCriteria...}. */
    public SearchResult<MagentoProduct> searchProducts(SearchCriteria criteria) {
        SearchResult<CatalogWire.Product> result = transport.search("/V1/products", criteria, CatalogWire.Product.class);
        return new SearchResult<>(result.items().stream().map(ProductMapping::fromWire).toList(), result.totalCount());
    }

    /** Every product whose attribute {@code code} equals {@code value}. */
    public List<MagentoProduct> findProductsByAttribute(String code, String value) {
        return searchProducts(SearchCriteria.builder().where(Filter.eq(code, value)).build()).items();
    }

    /** {@code POST /all/V1/products}: creates the product (global scope); returns it as saved. */
    public MagentoProduct createProduct(MagentoProduct product) {
        return ProductMapping.fromWire(transport.post("/" + ALL_STORES + "/V1/products",
                new CatalogWire.ProductEnvelope(ProductMapping.toWire(product), true), CatalogWire.Product.class));
    }

    /**
     * {@code PUT /{store}/V1/products/{sku}}: updates the product with this SKU; {@link #ALL_STORES} for the global
     * values. With the product's {@code id} set and another {@code sku}, the product is renamed to that SKU.
     */
    public MagentoProduct saveProduct(String sku, MagentoProduct product, String storeCode) {
        return ProductMapping.fromWire(transport.put("/" + MagentoTransport.segment(storeCode) + "/V1/products/"
                        + MagentoTransport.segment(sku),
                new CatalogWire.ProductEnvelope(ProductMapping.toWire(product), true), CatalogWire.Product.class));
    }

    /** {@code POST /V1/products/{sku}/websites}. */
    public void addProductToWebsite(String sku, int websiteId) {
        transport.post("/V1/products/" + MagentoTransport.segment(sku) + "/websites",
                new CatalogWire.WebsiteLinkEnvelope(new CatalogWire.WebsiteLink(sku, websiteId)), JsonNode.class);
    }

    /** {@code DELETE /V1/products/{sku}/websites/{websiteId}}. */
    public void removeProductFromWebsite(String sku, int websiteId) {
        transport.delete("/V1/products/" + MagentoTransport.segment(sku) + "/websites/" + websiteId, JsonNode.class);
    }

    /** {@code PUT /V1/products/{sku}/stockItems/{itemId}}; returns the item id. */
    public long updateStockItem(String sku, long itemId, MagentoProduct.StockItem stock) {
        return transport.put("/V1/products/" + MagentoTransport.segment(sku) + "/stockItems/" + itemId,
                new CatalogWire.StockItemEnvelope(new CatalogWire.StockItem(itemId, stock.qty(), stock.isInStock(),
                        stock.manageStock(), stock.useConfigManageStock())), Long.class);
    }

    /** {@code GET /V1/products/attributes/{code}}; empty when Magento has no such attribute. */
    public Optional<MagentoAttribute> getAttribute(String code) {
        return transport.find("/V1/products/attributes/" + MagentoTransport.segment(code), CatalogWire.Attribute.class)
                .map(MagentoCatalog::attribute);
    }

    /** {@code POST /V1/products/attributes}: a new product attribute (user defined, not required). */
    public MagentoAttribute createAttribute(String code, String frontendInput, String scope, String label) {
        return attribute(transport.post("/V1/products/attributes", new CatalogWire.AttributeEnvelope(
                new CatalogWire.Attribute(null, code, frontendInput, scope, label, "0", false, true, null)),
                CatalogWire.Attribute.class));
    }

    /** {@code GET /V1/products/attributes/{code}/options}, without Magento's empty first option. */
    public List<MagentoAttribute.Option> getAttributeOptions(String code) {
        CatalogWire.AttributeOption[] options = transport.find("/V1/products/attributes/"
                + MagentoTransport.segment(code) + "/options", CatalogWire.AttributeOption[].class)
                .orElse(new CatalogWire.AttributeOption[0]);
        return Arrays.stream(options).filter(option -> option.value() != null && !option.value().isEmpty())
                .map(option -> new MagentoAttribute.Option(option.value(), option.label())).toList();
    }

    /**
     * {@code POST /V1/products/attributes/{code}/options}; returns the new option's id. Magento 2.4 answers the id;
     * older versions answer {@code true} or {@code "id_new_option"}, so anything but digits is looked up by label.
     */
    public String addAttributeOption(String code, String label) {
        JsonNode answer = transport.post("/V1/products/attributes/" + MagentoTransport.segment(code) + "/options",
                new CatalogWire.AttributeOptionEnvelope(new CatalogWire.AttributeOption(label, null, null)), JsonNode.class);
        String id = answer.isValueNode() ? answer.asString().replaceFirst("^id_", "") : "";
        if (id.matches("\\d+")) {
            return id;
        }
        return getAttributeOptions(code).stream().filter(option -> option.label().equalsIgnoreCase(label))
                .map(MagentoAttribute.Option::value).findFirst()
                .orElseThrow(() -> new MagentoException.Unavailable(200, "Magento added option \"" + label + "\" to "
                        + code + " but does not list it", null));
    }

    /** {@code PUT /V1/products/attributes/{code}/options/{optionId}} (Magento 2.4.7): relabels an option. */
    public void relabelAttributeOption(String code, String optionId, String label) {
        transport.put("/V1/products/attributes/" + MagentoTransport.segment(code) + "/options/"
                        + MagentoTransport.segment(optionId),
                new CatalogWire.AttributeOptionEnvelope(new CatalogWire.AttributeOption(label, optionId, null)), JsonNode.class);
    }

    /** {@code POST /V1/products/attribute-sets/attributes}: puts an attribute in a set's group. */
    public void assignAttributeToSet(int attributeSetId, int attributeGroupId, String code, int sortOrder) {
        transport.post("/V1/products/attribute-sets/attributes",
                new CatalogWire.SetAssignment(attributeSetId, attributeGroupId, code, sortOrder), JsonNode.class);
    }

    /** {@code GET /V1/products/attribute-sets/{id}/attributes}: the codes of the set's attributes. */
    public List<String> attributeSetCodes(int attributeSetId) {
        return Arrays.stream(transport.find("/V1/products/attribute-sets/" + attributeSetId + "/attributes",
                        CatalogWire.Attribute[].class).orElse(new CatalogWire.Attribute[0]))
                .map(CatalogWire.Attribute::attributeCode).toList();
    }

    /** {@code GET /V1/configurable-products/{sku}/options/all}. */
    public List<MagentoProduct.ConfigurableOption> getConfigurableOptions(String sku) {
        return Arrays.stream(transport.find("/V1/configurable-products/" + MagentoTransport.segment(sku) + "/options/all",
                        CatalogWire.ConfigurableOption[].class).orElse(new CatalogWire.ConfigurableOption[0]))
                .map(ProductMapping::optionFromWire).toList();
    }

    /** {@code POST /V1/configurable-products/{sku}/options}: returns the option's id. */
    public long addConfigurableOption(String sku, MagentoProduct.ConfigurableOption option) {
        return transport.post("/V1/configurable-products/" + MagentoTransport.segment(sku) + "/options",
                new CatalogWire.ConfigurableOptionEnvelope(ProductMapping.optionToWire(option)), Long.class);
    }

    /** {@code POST /V1/configurable-products/{sku}/child}; a child already attached counts as attached. */
    public void addConfigurableChild(String sku, String childSku) {
        try {
            transport.post("/V1/configurable-products/" + MagentoTransport.segment(sku) + "/child",
                    new CatalogWire.ChildEnvelope(childSku), JsonNode.class);
        } catch (MagentoException.Rejected rejected) {
            if (!rejected.getMessage().startsWith("The product is already attached.")) {
                throw rejected;
            }
        }
    }

    /** {@code GET /V1/configurable-products/{sku}/children}. */
    public List<MagentoProduct> getConfigurableChildren(String sku) {
        return Arrays.stream(transport.find("/V1/configurable-products/" + MagentoTransport.segment(sku) + "/children",
                        CatalogWire.Product[].class).orElse(new CatalogWire.Product[0]))
                .map(ProductMapping::fromWire).toList();
    }

    /** {@code DELETE /V1/configurable-products/{sku}/children/{childSku}}. */
    public void removeConfigurableChild(String sku, String childSku) {
        transport.delete("/V1/configurable-products/" + MagentoTransport.segment(sku) + "/children/"
                + MagentoTransport.segment(childSku), JsonNode.class);
    }

    /** {@code GET /V1/store/websites}, the admin website 0 included. */
    public List<MagentoWebsite> websites() {
        return Arrays.stream(transport.find("/V1/store/websites", CatalogWire.Website[].class)
                        .orElse(new CatalogWire.Website[0]))
                .map(w -> new MagentoWebsite(w.id(), w.code(), w.name(), w.defaultGroupId() == null ? 0 : w.defaultGroupId()))
                .toList();
    }

    /** {@code GET /V1/store/storeViews}, the admin store 0 included. */
    public List<MagentoStoreView> storeViews() {
        return Arrays.stream(transport.find("/V1/store/storeViews", CatalogWire.StoreView[].class)
                        .orElse(new CatalogWire.StoreView[0]))
                .map(s -> new MagentoStoreView(s.id(), s.code(), s.name(), s.websiteId(),
                        s.storeGroupId() == null ? 0 : s.storeGroupId()))
                .toList();
    }

    private static MagentoAttribute attribute(CatalogWire.Attribute wire) {
        List<MagentoAttribute.Option> options = wire.options() == null ? List.of() : wire.options().stream()
                .filter(option -> option.value() != null && !option.value().isEmpty())
                .map(option -> new MagentoAttribute.Option(option.value(), option.label())).toList();
        return new MagentoAttribute(wire.attributeId(), wire.attributeCode(), wire.frontendInput(), wire.scope(),
                wire.defaultFrontendLabel(), "1".equals(wire.isUnique()), options);
    }
}
