package com.skylinksync.budget;

/**
 * This participant's calls per slot for the last day of slots: what it reports as spent in each cumulative window.
 * A ring of counters indexed by slot; a counter is reset when its index comes round to a new slot. Thread-safe.
 */
final class SpendLedger {

    private final long[] slots;
    private final int[] counts;

    SpendLedger(int daySlots) {
        // two more than a day: the report for slot k-1 sums back a full day while slot k is already being counted
        this.slots = new long[daySlots + 2];
        this.counts = new int[daySlots + 2];
        java.util.Arrays.fill(slots, Long.MIN_VALUE);
    }

    synchronized void record(long slot) {
        int i = index(slot);
        if (slots[i] != slot) {
            slots[i] = slot;
            counts[i] = 0;
        }
        counts[i]++;
    }

    synchronized int used(long slot) {
        int i = index(slot);
        return slots[i] == slot ? counts[i] : 0;
    }

    /** Calls in the {@code window} slots ending with {@code lastSlot}. */
    synchronized long spent(long lastSlot, int window) {
        long sum = 0;
        for (long s = lastSlot - window + 1; s <= lastSlot; s++) {
            int i = index(s);
            if (slots[i] == s) {
                sum += counts[i];
            }
        }
        return sum;
    }

    /** Calls in each of the {@code window} slots ending with {@code lastSlot}, oldest first. */
    synchronized java.util.List<Integer> recent(long lastSlot, int window) {
        java.util.List<Integer> counts = new java.util.ArrayList<>(window);
        for (long s = lastSlot - window + 1; s <= lastSlot; s++) {
            counts.add(used(s));
        }
        return counts;
    }

    private int index(long slot) {
        return (int) Math.floorMod(slot, (long) slots.length);
    }
}
