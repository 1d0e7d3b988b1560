package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** An invoice as {@code GET /V1/invoices} lists it (M/Sales/Api/Data/InvoiceInterface), the fields SkyLink reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MagentoInvoice(
        @JsonProperty("entity_id") Long id,
        @JsonProperty("order_id") Long orderId,
        @JsonProperty("increment_id") String incrementId,
        Integer state,
        @JsonProperty("grand_total") BigDecimal grandTotal,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        List<Comment> comments) {

    public MagentoInvoice {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(String comment) {
    }

    /** Whether one of the invoice's comments starts with {@code prefix}. */
    public boolean hasComment(String prefix) {
        return comments.stream().anyMatch(c -> c.comment() != null && c.comment().startsWith(prefix));
    }
}
