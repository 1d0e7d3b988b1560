package com.skylinksync.runtime.behaviour;

import com.skylinksync.schemas.avro.EntityChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system fake connectors write to, shared by every instance of a test (as Magento is by every pod): what was
 * applied, in what order, by whom; and every time one entity was being synced by two runs at once, which the
 * runtime must never allow.
 */
final class FakeTarget {

    /** One run of one entity that ended in a write. */
    record Applied(String instance, String entityId, EntityChanged event, int attempt, Instant at) {

        /** The test's version number of the change, carried in the event's {@code version}. */
        int version() {
            return Integer.parseInt(event.getVersion());
        }
    }

    private final List<Applied> applied = new ArrayList<>();
    private final Map<String, String> syncing = new HashMap<>();
    private final List<String> overlaps = new ArrayList<>();

    synchronized void entering(String instance, String entityId) {
        String other = syncing.putIfAbsent(entityId, instance);
        if (other != null) {
            overlaps.add(entityId + " synced by " + instance + " while " + other + " was syncing it");
        }
    }

    synchronized void leaving(String instance, String entityId) {
        syncing.remove(entityId, instance);
    }

    synchronized void applied(Applied write) {
        applied.add(write);
    }

    synchronized List<Applied> applied() {
        return List.copyOf(applied);
    }

    synchronized List<Applied> applied(String entityId) {
        return applied.stream().filter(a -> a.entityId().equals(entityId)).toList();
    }

    synchronized List<String> overlaps() {
        return List.copyOf(overlaps);
    }
}
