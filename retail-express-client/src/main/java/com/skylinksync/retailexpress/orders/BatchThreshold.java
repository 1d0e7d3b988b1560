package com.skylinksync.retailexpress.orders;

import java.time.Duration;

/** How long after a batch's first fulfilment later fulfilments still join it, in whole seconds ≥ 0 (default 300). */
public record BatchThreshold(int seconds) {

    public static final BatchThreshold DEFAULT = new BatchThreshold(300);

    public BatchThreshold {
        if (seconds < 0) {
            throw new IllegalArgumentException("A batch threshold cannot be negative: " + seconds);
        }
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    @Override
    public String toString() {
        return String.valueOf(seconds);
    }
}
