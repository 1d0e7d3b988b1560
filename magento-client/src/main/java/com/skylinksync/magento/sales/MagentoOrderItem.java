package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An order line (M/Sales/Api/Data/OrderItemInterface). A configurable item has its chosen simple as a child
 * ({@code parent_item_id} = the configurable's {@code item_id}); prices and discounts are on the parent.
 * {@code discount_amount} is the discount of the whole row, not of one unit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MagentoOrderItem(
        @JsonProperty("item_id") Long id,
        @JsonProperty("parent_item_id") Long parentItemId,
        @JsonProperty("product_id") Long productId,
        @JsonProperty("product_type") String productType,
        String sku,
        String name,
        @JsonProperty("qty_ordered") BigDecimal qtyOrdered,
        @JsonProperty("qty_shipped") BigDecimal qtyShipped,
        @JsonProperty("qty_invoiced") BigDecimal qtyInvoiced,
        @JsonProperty("qty_canceled") BigDecimal qtyCanceled,
        @JsonProperty("qty_refunded") BigDecimal qtyRefunded,
        BigDecimal price,
        @JsonProperty("price_incl_tax") BigDecimal priceInclTax,
        @JsonProperty("discount_amount") BigDecimal discountAmount,
        @JsonProperty("tax_amount") BigDecimal taxAmount,
        @JsonProperty("tax_percent") BigDecimal taxPercent,
        @JsonProperty("row_total_incl_tax") BigDecimal rowTotalInclTax) {

    /** Ordered less shipped, cancelled and refunded: what Magento still lets a shipment take (Order\Item::getQtyToShip). */
    public BigDecimal qtyToShip() {
        return zero(qtyOrdered).subtract(zero(qtyShipped)).subtract(zero(qtyRefunded)).subtract(zero(qtyCanceled))
                .max(BigDecimal.ZERO);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
