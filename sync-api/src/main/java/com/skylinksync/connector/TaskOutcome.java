package com.skylinksync.connector;

import java.util.function.Supplier;

/** What became of one {@link SyncTask}: a result, or the failure the runtime classifies (transient, permanent, uncertain). */
public sealed interface TaskOutcome {

    String entityId();

    record Done(String entityId, SyncResult result) implements TaskOutcome {
    }

    record Failed(String entityId, RuntimeException failure) implements TaskOutcome {
    }

    /** Runs one entity's sync, turning its exception into a {@link Failed} so the rest of a group goes on. */
    static TaskOutcome of(SyncTask task, Supplier<SyncResult> sync) {
        try {
            return new Done(task.entityId(), sync.get());
        } catch (RuntimeException failure) {
            return new Failed(task.entityId(), failure);
        }
    }
}
