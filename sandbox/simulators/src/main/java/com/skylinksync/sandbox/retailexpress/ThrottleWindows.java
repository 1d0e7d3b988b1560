package com.skylinksync.sandbox.retailexpress;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RE's four budget windows for the simulator's one client, enforced as <em>sliding</em> windows: a call is admitted
 * only if fewer than the limit were admitted in the window's length before it, for every window. RE does not document
 * how its windows are aligned; a sliding window is the strictest reading (a fixed window of any phase is one of the
 * sliding windows), so a client that is never throttled here is never throttled by any alignment RE may use.
 * Throttled calls do not count, so a client that backs off recovers. Also carries injected throttle faults.
 */
final class ThrottleWindows {

    private final Clock clock;
    private final AtomicInteger injectedThrottles = new AtomicInteger();
    private List<Counter> counters;
    private SimulatedBudget budget;

    ThrottleWindows(Clock clock, SimulatedBudget budget) {
        this.clock = clock;
        this.counters = countersOf(budget);
        this.budget = budget;
    }

    synchronized SimulatedBudget budget() {
        return budget;
    }

    /** Replaces the limits; calls already admitted keep counting against the new ones. */
    synchronized void change(SimulatedBudget budget) {
        List<Counter> replaced = countersOf(budget);
        for (int i = 0; i < replaced.size(); i++) {
            replaced.get(i).admitted.addAll(counters.get(i).admitted);
        }
        counters = replaced;
        this.budget = budget;
    }

    /** The next {@code calls} calls are answered with a throttle fault whatever the windows say. */
    void injectThrottles(int calls) {
        injectedThrottles.addAndGet(calls);
    }

    /** Whether a call was admitted, and if not, why. */
    enum Admission { ADMITTED, INJECTED_THROTTLE, BUDGET_EXCEEDED }

    /** True and counted if the call fits every window; false if RE would answer a throttle fault. */
    boolean admit() {
        return admission() == Admission.ADMITTED;
    }

    /** As {@link #admit()}, telling an injected throttle from a budget window's (the chaos suite's budget check). */
    Admission admission() {
        if (injectedThrottles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Admission.INJECTED_THROTTLE;
        }
        long now = clock.millis();
        synchronized (this) {
            for (Counter counter : counters) {
                counter.expire(now);
                if (counter.admitted.size() >= counter.window.limit()) {
                    return Admission.BUDGET_EXCEEDED;
                }
            }
            for (Counter counter : counters) {
                if (counter.window.limit() != Integer.MAX_VALUE) { // unlimited windows need no memory
                    counter.admitted.addLast(now);
                }
            }
            return Admission.ADMITTED;
        }
    }

    private static List<Counter> countersOf(SimulatedBudget budget) {
        List<Counter> counters = new ArrayList<>();
        for (SimulatedBudget.Window window : budget.windows()) {
            counters.add(new Counter(window));
        }
        return counters;
    }

    /** Admission times (epoch ms) inside one window, oldest first. */
    private static final class Counter {
        final SimulatedBudget.Window window;
        final ArrayDeque<Long> admitted = new ArrayDeque<>();

        Counter(SimulatedBudget.Window window) {
            this.window = window;
        }

        void expire(long now) {
            long horizon = now - window.length().toMillis();
            while (!admitted.isEmpty() && admitted.peekFirst() <= horizon) {
                admitted.pollFirst();
            }
        }
    }
}
