package com.skylinksync.runtime.status;

/** The end of one run for one entity, as {@link EntityStatusStore#finished} records it. Null fields keep what is stored. */
public record StatusUpdate(String entityId, SyncStatus status, int attempts, String lastError, String contentHash,
                           String targetId) {
}
