package com.skylinksync.runtime;

import java.util.TreeSet;

/**
 * The offsets of one partition that were handed out but are not finished yet. Records finish out of order (keys run
 * concurrently), but a Kafka commit means "everything below is done", so only the lowest unfinished offset may be
 * committed: a crash then re-delivers unfinished work (and some finished work above it) but never skips any.
 */
final class PartitionOffsets {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next = -1;

    synchronized void track(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    synchronized void finish(long offset) {
        unfinished.remove(offset);
    }

    /** The offset to commit (every offset below it is finished), or -1 before anything was tracked. */
    synchronized long committable() {
        return unfinished.isEmpty() ? next : unfinished.first();
    }

    synchronized int unfinishedCount() {
        return unfinished.size();
    }
}
