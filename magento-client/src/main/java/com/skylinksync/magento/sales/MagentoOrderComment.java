package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An order comment, a {@code status_histories[]} entry (M/Sales/Api/Data/OrderStatusHistoryInterface). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MagentoOrderComment(
        @JsonProperty("entity_id") Long id,
        @JsonProperty("parent_id") Long orderId,
        String comment,
        @JsonProperty("is_customer_notified") Integer customerNotified,
        @JsonProperty("is_visible_on_front") Integer visibleOnFront,
        @JsonProperty("created_at") String createdAt) {
}
