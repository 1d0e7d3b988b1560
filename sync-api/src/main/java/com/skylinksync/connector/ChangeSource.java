package com.skylinksync.connector;

import com.skylinksync.schemas.avro.EntityType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The source side of a connector: finds what changed in an external system that cannot notify us (Magento), from a
 * cursor the runtime persists. The runtime runs one poller per source across all pods (a lease in the service's
 * database: given up on stop, taken over when its holder dies), publishes each change as an {@code EntityChanged}
 * of {@link #entityType()} (origin {@code POLL}, with its version and snapshot) to that type's topic, and only then
 * stores the new cursor — so a change is published at least once and the connector consuming the topic gets the
 * same retries, dead letters, parking, status, lag and replay as every other.
 */
public interface ChangeSource {

    /** Names the source's cursor and lease, e.g. {@code magento-customers}; stable across releases. */
    String name();

    /** The type of the entities it finds; their events go to {@code Topics.forEntityType(type)}. */
    EntityType entityType();

    /** How often to poll and how long one pod holds the right to (longer than a poll takes). */
    Schedule schedule();

    /** Where a first-ever poll starts. */
    String initialCursor();

    /**
     * The changes after {@code cursor}, oldest first (one entity's changes in the order they happened), and the
     * cursor that follows them. Called repeatedly while {@link Batch#more()}. Throws when the system cannot be read;
     * the runtime tries again at the next poll from the same cursor.
     */
    Batch poll(String cursor);

    /** One change found: the entity, its version in the source (e.g. Magento's {@code updated_at}), and its content as read. */
    record Change(String entityId, String version, String snapshot) {
        public Change {
            Objects.requireNonNull(entityId, "entityId");
        }
    }

    /** What one poll found, and the cursor to continue from once it is published. */
    record Batch(List<Change> changes, String nextCursor, boolean more) {
        public Batch {
            changes = List.copyOf(changes);
            Objects.requireNonNull(nextCursor, "nextCursor");
        }
    }

    /** @param interval pause between polls; @param lease how long a pod holds the source (longer than interval) */
    record Schedule(Duration interval, Duration lease) {
        public Schedule {
            if (interval.isNegative() || interval.isZero() || lease.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("A change source polls at a positive interval, under a lease longer than it");
            }
        }
    }
}
