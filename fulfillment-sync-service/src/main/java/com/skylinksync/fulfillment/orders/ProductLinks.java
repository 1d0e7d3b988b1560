package com.skylinksync.fulfillment.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.skylinksync.magento.MagentoTransport;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The RE product a Magento product is linked to: its {@code skylink_product_id} custom attribute, read with
 * {@code GET /V1/products/{sku}} (an order line carries the SKU, not the product's attributes). Read here over the
 * transport until the catalog feature of the Magento client has the call (then this becomes a call to it).
 */
@Component
class ProductLinks {

    private final MagentoTransport transport;

    ProductLinks(MagentoTransport transport) {
        this.transport = transport;
    }

    /** The linked RE product id; empty when Magento has no such product or it is not linked. */
    Optional<Integer> retailExpressProductId(String sku) {
        return transport.find("/V1/products/" + MagentoTransport.segment(sku), ProductWire.class)
                .flatMap(product -> product.customAttributes() == null ? Optional.empty()
                        : product.customAttributes().stream().filter(a -> "skylink_product_id".equals(a.attributeCode()))
                        .map(Attribute::value).filter(v -> v != null && v.strip().matches("\\d+"))
                        .map(v -> Integer.parseInt(v.strip())).findFirst());
    }

    record ProductWire(String sku, @JsonProperty("custom_attributes") List<Attribute> customAttributes) {
    }

    record Attribute(@JsonProperty("attribute_code") String attributeCode, String value) {
    }
}
