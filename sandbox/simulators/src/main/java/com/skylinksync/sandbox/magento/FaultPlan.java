package com.skylinksync.sandbox.magento;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/** What a test asked the simulator to get wrong: a number of failing replies, and latency on every reply. */
final class FaultPlan {

    private int failuresLeft;
    private int failureStatus;
    private Duration latency = Duration.ZERO;
    private Duration jitter = Duration.ZERO;

    synchronized void failNext(int count, int status) {
        if (count < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status an HTTP status: " + count + ", " + status);
        }
        failuresLeft = count;
        failureStatus = status;
    }

    /** The status the current request must fail with, consuming one planned failure. */
    synchronized OptionalInt takeFailure() {
        if (failuresLeft == 0) {
            return OptionalInt.empty();
        }
        failuresLeft--;
        return OptionalInt.of(failureStatus);
    }

    synchronized void latency(Duration latency, Duration jitter) {
        if (latency == null || latency.isNegative() || jitter == null || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must be zero or positive: " + latency + ", " + jitter);
        }
        this.latency = latency;
        this.jitter = jitter;
    }

    /** This request's latency: the fixed part plus a random share of the jitter. */
    synchronized Duration latency() {
        long extra = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1);
        return latency.plusNanos(extra);
    }
}
