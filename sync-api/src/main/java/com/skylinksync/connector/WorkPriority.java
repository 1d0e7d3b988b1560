package com.skylinksync.connector;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Which kind of work the current thread is doing, so that shared resources can serve real-time work first: the
 * runtime runs each sync under the priority of its events ({@link #call}); the shared Retail Express budget reads
 * {@link #current()} and hands permits to real-time callers before backlog callers. One instance per application
 * (a bean), shared by whoever sets and reads it.
 */
public final class WorkPriority {

    /** The two kinds of work. */
    public enum Level {
        /** A change someone is waiting to see: EDS notifications, single syncs, Magento-side changes. */
        REAL_TIME,
        /** Work that may wait: bulk resyncs, replays and redrives. */
        BACKLOG
    }

    private final ThreadLocal<Level> current = new ThreadLocal<>();

    /** The priority of the work on this thread; real-time outside any {@link #call} (a caller waiting by default). */
    public Level current() {
        Level level = current.get();
        return level == null ? Level.REAL_TIME : level;
    }

    /** Runs {@code work} at {@code level} on this thread, restoring the previous level afterwards. */
    public <T> T call(Level level, Supplier<T> work) {
        Objects.requireNonNull(level, "level");
        Level previous = current.get();
        current.set(level);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }
}
