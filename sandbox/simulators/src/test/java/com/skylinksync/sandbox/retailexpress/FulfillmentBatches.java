package com.skylinksync.sandbox.retailexpress;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * RE's fulfillment batching (reference 5) restated for the tests, from GetOrder's fields: sorted by DateFulfilled, a
 * batch holds everything up to 300 s after its first fulfillment. The real rule lives in retail-express-client,
 * which depends on this module for its own tests, so it cannot be used here.
 */
final class FulfillmentBatches {

    private static final Duration THRESHOLD = Duration.ofSeconds(300);

    private FulfillmentBatches() {
    }

    static int count(List<Map<String, String>> fulfillments) {
        return count(fulfillments, false);
    }

    /** The count a sliding window (measured from the previous fulfillment) would give; RE's does not slide. */
    static int countSliding(List<Map<String, String>> fulfillments) {
        return count(fulfillments, true);
    }

    private static int count(List<Map<String, String>> fulfillments, boolean sliding) {
        List<LocalDateTime> times = fulfillments.stream().map(f -> LocalDateTime.parse(f.get("DateFulfilled")))
                .sorted(Comparator.naturalOrder()).toList();
        int batches = 0;
        LocalDateTime anchor = null;
        for (LocalDateTime time : times) {
            if (anchor == null || Duration.between(anchor, time).compareTo(THRESHOLD) > 0) {
                batches++;
                anchor = time;
            } else if (sliding) {
                anchor = time;
            }
        }
        return batches;
    }
}
