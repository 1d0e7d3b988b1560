package com.skylinksync.retailexpress.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One fulfilment of an order line (GetOrder's {@code <Fulfillment>} with {@code FulfillmentID}); id null when RE sent none. */
public record Fulfillment(Integer id, String orderId, int itemId, Instant fulfilledAt, BigDecimal qty) {

    public Fulfillment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(fulfilledAt, "fulfilledAt");
        Objects.requireNonNull(qty, "qty");
    }
}
