package com.skylinksync.budget;

import java.util.ArrayDeque;

/**
 * This participant's calls that RE may still count in its current second: those in flight (permitted, not yet over)
 * and those that ended within the last second. RE counts a call when it arrives, at some moment between the permit
 * and the answer; a call delivered late (a stalled process between permit and send, a stalled network or front end
 * at RE) arrives bunched with later ones. Pacing the permits cannot prevent that; capping these calls can: whatever
 * the delays, RE can count at most the cap of this participant's calls in any second, because every call RE counts
 * in a second {@code [a, a + 1]} ended at or after {@code a}, so was still in reach when the last permit of that
 * second was taken. Thread-safe.
 */
final class CallsInReach {

    private final PeriodClock clock;
    private final ArrayDeque<Long> endedAt = new ArrayDeque<>();
    private int inFlight;

    CallsInReach(PeriodClock clock) {
        this.clock = clock;
    }

    /** Counts one more call in flight if fewer than {@code cap} are in reach now; false (nothing counted) if not. */
    synchronized boolean start(int cap) {
        if (count() >= cap) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** A call counted by {@link #start} is over: it stays in reach for one more second. */
    synchronized void end() {
        if (inFlight > 0) {
            inFlight--;
            endedAt.addLast(clock.millis());
        }
    }

    /** Gives back a call counted by {@link #start} that was not made after all (no permit of another window). */
    synchronized void cancel() {
        if (inFlight > 0) {
            inFlight--;
        }
    }

    synchronized int count() {
        long horizon = clock.millis() - 1_000;
        while (!endedAt.isEmpty() && endedAt.peekFirst() < horizon) {
            endedAt.pollFirst();
        }
        return inFlight + endedAt.size();
    }
}
