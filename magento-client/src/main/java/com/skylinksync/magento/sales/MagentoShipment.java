package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A shipment as {@code GET /V1/shipments} lists it (M/Sales/Api/Data/ShipmentInterface): its items, tracks and
 * comments. SkyLink keeps the RE fulfillment batch id in a shipment comment ({@link #FULFILLMENT_BATCH_PREFIX}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MagentoShipment(
        @JsonProperty("entity_id") Long id,
        @JsonProperty("order_id") Long orderId,
        @JsonProperty("increment_id") String incrementId,
        @JsonProperty("created_at") String createdAt,
        List<Item> items,
        List<Track> tracks,
        List<Comment> comments) {

    /** The comment that links a shipment to its RE fulfillment batch: {@code SkyLink fulfillment batch: <md5>}. */
    public static final String FULFILLMENT_BATCH_PREFIX = "SkyLink fulfillment batch:";

    public MagentoShipment {
        items = items == null ? List.of() : List.copyOf(items);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@JsonProperty("order_item_id") Long orderItemId, BigDecimal qty, String sku) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Track(@JsonProperty("track_number") String trackNumber, String title,
                        @JsonProperty("carrier_code") String carrierCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(String comment) {
    }

    /** The RE fulfillment batch id this shipment was made for, read from its comment; reading it changes nothing. */
    public Optional<String> fulfillmentBatchId() {
        return comments.stream().map(Comment::comment)
                .filter(c -> c != null && c.startsWith(FULFILLMENT_BATCH_PREFIX))
                .map(c -> c.substring(FULFILLMENT_BATCH_PREFIX.length()).strip()).findFirst();
    }
}
