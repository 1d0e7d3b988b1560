package com.skylinksync.sandbox.magento;

import java.time.Duration;
import java.util.OptionalInt;

/** What a test asked the simulator to get wrong: a number of failing replies, and latency on every reply. */
final class FaultPlan {

    private int failuresLeft;
    private int failureStatus;
    private Duration latency = Duration.ZERO;

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

    synchronized void latency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive: " + latency);
        }
        this.latency = latency;
    }

    synchronized Duration latency() {
        return latency;
    }
}
