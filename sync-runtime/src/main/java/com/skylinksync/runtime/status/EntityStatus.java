package com.skylinksync.runtime.status;

import java.time.Instant;

/**
 * One entity's sync state.
 *
 * @param contentHash  hash of what was last written to Magento (skips writes when nothing changed)
 * @param lastChangeSet the change set of the latest event seen for it, when it had one
 */
public record EntityStatus(String entityType, String entityId, SyncStatus status, int attempts, String lastError,
                           Instant lastSyncedAt, String contentHash, String targetId, String lastChangeSet,
                           Instant updatedAt) {

    static EntityStatus neverSynced(String entityType, String entityId) {
        return new EntityStatus(entityType, entityId, SyncStatus.NEVER_SYNCED, 0, null, null, null, null, null, null);
    }
}
