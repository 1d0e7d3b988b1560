package com.skylinksync.connector;

import com.skylinksync.schemas.avro.EntityChanged;

/**
 * One entity to sync: the latest of its waiting events (earlier ones are coalesced into it, since every sync
 * fetches the entity's current state), what the status store remembers of the last write, and the attempt number.
 *
 * @param latest          the newest event for the entity covered by this run
 * @param lastContentHash hash of the content last written to Magento for it, or null
 * @param lastMagentoId   the Magento id it was last written to, or null
 * @param attempt         1 for the first run of this sync, more when transient failures are being retried
 */
public record SyncTask(EntityChanged latest, String lastContentHash, String lastMagentoId, int attempt) {

    public String entityId() {
        return latest.getEntityId();
    }
}
