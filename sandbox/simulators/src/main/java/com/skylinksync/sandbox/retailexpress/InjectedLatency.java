package com.skylinksync.sandbox.retailexpress;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Latency the simulator adds before answering each SOAP call: {@code fixed} plus a uniformly distributed extra of up
 * to {@code jitter}. {@link #none()} by default.
 *
 * @param fixed  added to every call
 * @param jitter upper bound of a uniform random extra; zero for a fixed latency
 */
public record InjectedLatency(Duration fixed, Duration jitter) {

    public InjectedLatency {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(jitter, "jitter");
        if (fixed.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + fixed + " + " + jitter);
        }
    }

    public static InjectedLatency none() {
        return new InjectedLatency(Duration.ZERO, Duration.ZERO);
    }

    public static InjectedLatency fixed(Duration latency) {
        return new InjectedLatency(latency, Duration.ZERO);
    }

    /** Uniformly distributed in {@code [min, max]}. */
    public static InjectedLatency uniform(Duration min, Duration max) {
        return new InjectedLatency(min, max.minus(min));
    }

    long sampleMillis(RandomGenerator random) {
        long extra = jitter.toMillis() == 0 ? 0 : random.nextLong(jitter.toMillis() + 1);
        return fixed.toMillis() + extra;
    }
}
