package com.skylinksync.retailexpress.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A payment recorded against an RE order (GetOrder's {@code <Payment>}, whose amount is an inner {@code <Payment>}). */
public record Payment(int id, String orderId, int methodId, Instant madeAt, BigDecimal total) {

    public Payment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(total, "total");
    }
}
