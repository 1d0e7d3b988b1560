package com.skylinksync.magento.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The catalog JSON of Magento 2's web API, field for field in its snake_case (M/Catalog/Api/Data/ProductInterface and
 * its extension attributes, M/CatalogInventory StockItemInterface, M/ConfigurableProduct OptionInterface,
 * M/Eav AttributeOptionInterface, M/Store WebsiteInterface and StoreInterface). Nulls are left out when writing: an
 * absent field means "leave it" to Magento — except custom attribute values, which are written as given.
 */
final class CatalogWire {

    private CatalogWire() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductEnvelope(Product product, Boolean saveOptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Product(
            Long id,
            String sku,
            String name,
            @JsonProperty("type_id") String typeId,
            @JsonProperty("attribute_set_id") Integer attributeSetId,
            BigDecimal price,
            Integer status,
            Integer visibility,
            BigDecimal weight,
            @JsonProperty("custom_attributes") List<CustomAttribute> customAttributes,
            @JsonProperty("extension_attributes") ProductExtension extensionAttributes,
            @JsonProperty("tier_prices") List<TierPrice> tierPrices) {
    }

    /** Written with a null value when the value is null: that clears the attribute. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CustomAttribute(@JsonProperty("attribute_code") String attributeCode, JsonNode value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductExtension(
            @JsonProperty("website_ids") List<Integer> websiteIds,
            @JsonProperty("stock_item") StockItem stockItem,
            @JsonProperty("configurable_product_options") List<ConfigurableOption> configurableProductOptions,
            @JsonProperty("configurable_product_links") List<Long> configurableProductLinks) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StockItem(
            @JsonProperty("item_id") Long itemId,
            BigDecimal qty,
            @JsonProperty("is_in_stock") Boolean isInStock,
            @JsonProperty("manage_stock") Boolean manageStock,
            @JsonProperty("use_config_manage_stock") Boolean useConfigManageStock) {
    }

    record StockItemEnvelope(StockItem stockItem) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TierPrice(
            @JsonProperty("customer_group_id") Integer customerGroupId,
            BigDecimal qty,
            BigDecimal value,
            @JsonProperty("extension_attributes") TierPriceExtension extensionAttributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TierPriceExtension(@JsonProperty("website_id") Integer websiteId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfigurableOption(
            Long id,
            @JsonProperty("attribute_id") String attributeId,
            String label,
            Integer position,
            List<OptionValue> values) {
    }

    record OptionValue(@JsonProperty("value_index") Integer valueIndex) {
    }

    record ConfigurableOptionEnvelope(ConfigurableOption option) {
    }

    record ChildEnvelope(String childSku) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attribute(
            @JsonProperty("attribute_id") Integer attributeId,
            @JsonProperty("attribute_code") String attributeCode,
            @JsonProperty("frontend_input") String frontendInput,
            String scope,
            @JsonProperty("default_frontend_label") String defaultFrontendLabel,
            @JsonProperty("is_unique") String isUnique,
            @JsonProperty("is_required") Boolean isRequired,
            @JsonProperty("is_user_defined") Boolean isUserDefined,
            List<AttributeOption> options) {
    }

    record AttributeEnvelope(Attribute attribute) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttributeOption(String label, String value, @JsonProperty("sort_order") Integer sortOrder) {
    }

    record AttributeOptionEnvelope(AttributeOption option) {
    }

    record SetAssignment(int attributeSetId, int attributeGroupId, String attributeCode, int sortOrder) {
    }

    record WebsiteLinkEnvelope(WebsiteLink productWebsiteLink) {
    }

    record WebsiteLink(String sku, @JsonProperty("website_id") int websiteId) {
    }

    record Website(int id, String code, String name, @JsonProperty("default_group_id") Integer defaultGroupId) {
    }

    record StoreView(int id, String code, String name, @JsonProperty("website_id") int websiteId,
                     @JsonProperty("store_group_id") Integer storeGroupId) {
    }
}
