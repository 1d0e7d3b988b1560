package com.skylinksync.magento.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@link MagentoProduct} to and from {@link CatalogWire.Product}. */
final class ProductMapping {

    private ProductMapping() {
    }

    static CatalogWire.Product toWire(MagentoProduct product) {
        List<CatalogWire.CustomAttribute> custom = null;
        if (!product.customAttributes().isEmpty()) {
            custom = new ArrayList<>();
            for (Map.Entry<String, String> entry : product.customAttributes().entrySet()) {
                custom.add(new CatalogWire.CustomAttribute(entry.getKey(), entry.getValue() == null
                        ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.stringNode(entry.getValue())));
            }
        }
        MagentoProduct.StockItem stock = product.stockItem();
        CatalogWire.ProductExtension extension = null;
        if (product.websiteIds() != null || stock != null || product.configurableOptions() != null
                || product.configurableLinks() != null) {
            extension = new CatalogWire.ProductExtension(product.websiteIds(),
                    stock == null ? null : new CatalogWire.StockItem(null, stock.qty(), stock.isInStock(),
                            stock.manageStock(), stock.useConfigManageStock()),
                    product.configurableOptions() == null ? null
                            : product.configurableOptions().stream().map(ProductMapping::optionToWire).toList(),
                    product.configurableLinks());
        }
        List<CatalogWire.TierPrice> tiers = product.tierPrices() == null ? null : product.tierPrices().stream()
                .map(tier -> new CatalogWire.TierPrice(tier.customerGroupId(), tier.qty(), tier.value(),
                        new CatalogWire.TierPriceExtension(tier.websiteId())))
                .toList();
        return new CatalogWire.Product(product.id(), product.sku(), product.name(), product.typeId(),
                product.attributeSetId(), product.price(), product.status(), product.visibility(), product.weight(),
                custom, extension, tiers);
    }

    static CatalogWire.ConfigurableOption optionToWire(MagentoProduct.ConfigurableOption option) {
        return new CatalogWire.ConfigurableOption(option.id(), String.valueOf(option.attributeId()), option.label(),
                option.position(), option.valueIndexes().stream().map(CatalogWire.OptionValue::new).toList());
    }

    static MagentoProduct.ConfigurableOption optionFromWire(CatalogWire.ConfigurableOption option) {
        return new MagentoProduct.ConfigurableOption(option.id(), Integer.parseInt(option.attributeId()), option.label(),
                option.position() == null ? 0 : option.position(),
                option.values() == null ? List.of() : option.values().stream().map(CatalogWire.OptionValue::valueIndex).toList());
    }

    static MagentoProduct fromWire(CatalogWire.Product wire) {
        Map<String, String> custom = new LinkedHashMap<>();
        if (wire.customAttributes() != null) {
            for (CatalogWire.CustomAttribute attribute : wire.customAttributes()) {
                JsonNode value = attribute.value();
                custom.put(attribute.attributeCode(), value == null || value.isNull() ? null
                        : value.isValueNode() ? value.asString() : value.toString());
            }
        }
        CatalogWire.ProductExtension extension = wire.extensionAttributes();
        CatalogWire.StockItem stock = extension == null ? null : extension.stockItem();
        return new MagentoProduct(wire.id(), wire.sku(), wire.name(), wire.typeId(), wire.attributeSetId(), wire.price(),
                wire.status(), wire.visibility(), wire.weight(), custom,
                extension == null ? null : extension.websiteIds(),
                stock == null ? null : new MagentoProduct.StockItem(stock.qty(), stock.isInStock(), stock.manageStock(),
                        stock.useConfigManageStock()),
                wire.tierPrices() == null ? null : wire.tierPrices().stream()
                        .map(tier -> new MagentoProduct.TierPrice(tier.customerGroupId() == null ? 0 : tier.customerGroupId(),
                                tier.qty(), tier.value(), tier.extensionAttributes() == null
                                || tier.extensionAttributes().websiteId() == null ? 0 : tier.extensionAttributes().websiteId()))
                        .toList(),
                extension == null || extension.configurableProductOptions() == null ? null
                        : extension.configurableProductOptions().stream().map(ProductMapping::optionFromWire).toList(),
                extension == null ? null : extension.configurableProductLinks());
    }
}
