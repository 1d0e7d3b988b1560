package com.skylinksync.sandbox.magento;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/** What a test asked the simulator to get wrong: a number of failing replies, and latency on every reply. */
final class FaultPlan {

    private int failuresLeft;
    private int failureStatus;
    private String failureMethod;
    private Duration latency = Duration.ZERO;
    private Duration jitter = Duration.ZERO;

    synchronized void failNext(int count, int status) {
        failNext(count, status, null);
    }

    /** The next {@code count} requests of {@code method} (null: of any method) fail with {@code status}. */
    synchronized void failNext(int count, int status, String method) {
        if (count < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status an HTTP status: " + count + ", " + status);
        }
        failuresLeft = count;
        failureStatus = status;
        failureMethod = method;
    }

    /** The status the current request ({@code method}) must fail with, consuming one planned failure. */
    synchronized OptionalInt takeFailure(String method) {
        if (failuresLeft == 0 || (failureMethod != null && !failureMethod.equalsIgnoreCase(method))) {
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
