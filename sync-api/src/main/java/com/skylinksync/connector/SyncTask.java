package com.skylinksync.connector;

import com.skylinksync.schemas.avro.EntityChanged;

/**
 * One entity to sync: the event this run applies, what the status store remembers of the last write, and the attempt
 * number. Under {@link Ordering#currentState()} the event is the newest of the entity's waiting events (the earlier
 * ones are coalesced into it); under {@link Ordering#inOrder} it is the next change in line (or the last of a run of
 * changes each superseded by the next).
 *
 * @param latest          the event this run applies
 * @param lastContentHash hash of the content last written to the target system for it, or null
 * @param lastTargetId    the id it was last written to in the target system (Magento inbound, RE outbound), or null
 * @param attempt         1 for the first run of this sync, more when transient failures are being retried
 */
public record SyncTask(EntityChanged latest, String lastContentHash, String lastTargetId, int attempt) {

    public String entityId() {
        return latest.getEntityId();
    }
}
