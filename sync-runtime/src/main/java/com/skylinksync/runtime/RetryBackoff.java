package com.skylinksync.runtime;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter for transient failures: {@code initial * multiplier^(attempt-1)}, capped, part random. */
final class RetryBackoff {

    private final SyncProperties properties;
    private final RandomGenerator random;

    RetryBackoff(SyncProperties properties, RandomGenerator random) {
        this.properties = properties;
        this.random = random;
    }

    /** The wait before attempt {@code failedAttempt + 1}. */
    Duration after(int failedAttempt) {
        double grown = properties.retryInitial().toMillis() * Math.pow(properties.retryMultiplier(), failedAttempt - 1);
        double capped = Math.min(grown, properties.retryMax().toMillis());
        double fixed = capped * (1 - properties.retryJitter());
        return Duration.ofMillis(Math.round(fixed + random.nextDouble() * (capped - fixed)));
    }

    /** Whether a failure that started {@code failingFor} ago is still worth retrying. */
    boolean keepTrying(Duration failingFor) {
        return failingFor.compareTo(properties.retryGiveUpAfter()) < 0;
    }
}
