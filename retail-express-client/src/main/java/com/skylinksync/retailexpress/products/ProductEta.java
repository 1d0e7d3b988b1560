package com.skylinksync.retailexpress.products;

import java.time.Instant;
import java.util.Optional;

/** When RE expects {@code qtyOrdered} of a product to be available; no ETA when RE gave none. */
public record ProductEta(int productId, int qtyOrdered, Instant eta) {

    public Optional<Instant> expectedAt() {
        return Optional.ofNullable(eta);
    }
}
