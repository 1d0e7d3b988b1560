package com.skylinksync.retailexpress.orders;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Fulfilments of one order shipped together: the unit that becomes one Magento shipment. Its id (md5 of the sorted
 * fulfilment ids concatenated) is stable however often RE is re-read, which is what makes shipment creation idempotent.
 */
public record FulfillmentBatch(List<Fulfillment> fulfillments) {

    public FulfillmentBatch {
        fulfillments = List.copyOf(fulfillments);
        if (fulfillments.isEmpty()) {
            throw new IllegalArgumentException("A fulfillment batch needs at least one fulfillment");
        }
        long orders = fulfillments.stream().map(Fulfillment::orderId).distinct().count();
        if (orders != 1) {
            throw new IllegalArgumentException(
                    "All fulfillments must belong to the same order, " + orders + " orders provided.");
        }
    }

    /**
     * Groups fulfilments into batches: per order, sorted by time (stable for equal times), a new batch starting when a
     * fulfilment comes more than the threshold after the current batch's FIRST fulfilment (the window does not slide,
     * so a steady trickle cannot keep one batch open forever). Batches are ordered by their first fulfilment.
     */
    public static List<FulfillmentBatch> group(Collection<Fulfillment> fulfillments, BatchThreshold threshold) {
        Map<String, List<Fulfillment>> byOrder = new LinkedHashMap<>();
        fulfillments.forEach(f -> byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f));
        List<FulfillmentBatch> batches = new ArrayList<>();
        for (List<Fulfillment> ofOrder : byOrder.values()) {
            List<Fulfillment> sorted = new ArrayList<>(ofOrder);
            sorted.sort(Comparator.comparing(Fulfillment::fulfilledAt)); // List.sort is stable
            List<Fulfillment> current = new ArrayList<>();
            for (Fulfillment f : sorted) {
                if (!current.isEmpty()
                        && f.fulfilledAt().isAfter(current.getFirst().fulfilledAt().plus(threshold.duration()))) {
                    batches.add(new FulfillmentBatch(current));
                    current = new ArrayList<>();
                }
                current.add(f);
            }
            if (!current.isEmpty()) {
                batches.add(new FulfillmentBatch(current));
            }
        }
        batches.sort(Comparator.comparing(FulfillmentBatch::fulfilledAt));
        return List.copyOf(batches);
    }

    public String orderId() {
        return fulfillments.getFirst().orderId();
    }

    /** When the batch's first fulfilment happened. */
    public Instant fulfilledAt() {
        return fulfillments.stream().map(Fulfillment::fulfilledAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** md5 hex of the sorted fulfilment ids concatenated; null when no fulfilment has an id. */
    public String id() {
        List<Integer> ids = fulfillments.stream().map(Fulfillment::id).filter(Objects::nonNull).sorted().toList();
        if (ids.isEmpty()) {
            return null;
        }
        String joined = ids.stream().map(String::valueOf).collect(Collectors.joining());
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(joined.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }
}
