package com.skylinksync.budget;

import java.util.concurrent.CountDownLatch;

/**
 * Holds calls between their permit and their sending while closed: a stall after the permit (a process descheduled
 * on an overloaded machine, a GC pause, a front end that stops reading), after which every held call arrives at RE at
 * once. Shared by several replicas it stalls them together, as a stall of RE's side would.
 */
final class SendGate {

    private volatile CountDownLatch closed;

    void close() {
        closed = new CountDownLatch(1);
    }

    void open() {
        CountDownLatch latch = closed;
        closed = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    void pass() {
        CountDownLatch latch = closed;
        if (latch == null) {
            return;
        }
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
