package com.skylinksync.retailexpress.products;

import java.util.List;

/** Products RE sent as one family that do not make a valid matrix, with the reason: for dead-lettering, not retrying. */
public record RejectedMatrix(String manufacturerSku, List<Integer> productIds, String reason) {

    public RejectedMatrix {
        productIds = List.copyOf(productIds);
    }
}
