package com.skylinksync.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sync service knows: how to bring entities of one type from Retail Express into Magento.
 * The runtime decides how they are run safely (consumption, key order, coalescing, retries, dead letters, status,
 * outcome reporting); the syncer only fetches, maps and writes, throwing when it cannot.
 *
 * <p>The runtime hands over the entities waiting to be synced in groups of up to {@code skylink.sync.batch-size}
 * distinct entities ({@link #syncAll}), so a syncer whose Retail Express operation takes an id list fetches them all
 * with one call. A syncer that only implements {@link #sync} gets them one by one.
 */
public interface EntitySyncer {

    /** The entity type this syncer brings over; the runtime hands it only events of that type. */
    com.skylinksync.schemas.avro.EntityType entityType();

    /** Fetch one entity's current state from Retail Express and write it to Magento, unless nothing changed. */
    SyncResult sync(SyncTask task);

    /**
     * Sync several distinct entities; one outcome per task, in any order. A failure of one entity is returned as its
     * {@link TaskOutcome.Failed}; an exception thrown from here fails every task of the group with it.
     */
    default List<TaskOutcome> syncAll(List<SyncTask> tasks) {
        List<TaskOutcome> outcomes = new ArrayList<>(tasks.size());
        for (SyncTask task : tasks) {
            outcomes.add(TaskOutcome.of(task, () -> sync(task)));
        }
        return outcomes;
    }
}
