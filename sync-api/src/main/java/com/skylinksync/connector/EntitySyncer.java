package com.skylinksync.connector;

import com.skylinksync.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector: what a sync service knows about one entity type — how to apply its change events to the other system
 * (Retail Express → Magento for RE entities, Magento → Retail Express for Magento-side ones). The runtime decides how
 * they are run safely (consumption, key order, coalescing or strict order, priority, retries, dead letters, parking,
 * status, outcome reporting); the connector only fetches, maps and writes, throwing when it cannot:
 * {@link PermanentSyncException} (dead-lettered at once), {@link UncertainSyncException} (parked for an operator),
 * anything else is classified by the clients' {@link FailureClassifier}s (transient: retried with backoff).
 *
 * <p>The runtime hands over the entities waiting to be synced in groups of up to {@code skylink.sync.batch-size}
 * distinct entities ({@link #syncAll}), so a syncer whose Retail Express operation takes an id list fetches them all
 * with one call. A syncer that only implements {@link #sync} gets them one by one.
 */
public interface EntitySyncer {

    /** The entity type this syncer brings over; the runtime hands it only events of that type. */
    EntityType entityType();

    /**
     * How this connector's events may be run: {@link Ordering#currentState()} (the default: every sync fetches current
     * state, so waiting events coalesce) or {@link Ordering#inOrder} (each event is a write, applied in order).
     */
    default Ordering ordering() {
        return Ordering.currentState();
    }

    /** Apply one entity's change (fetch, map, write), unless the target already holds it. */
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
