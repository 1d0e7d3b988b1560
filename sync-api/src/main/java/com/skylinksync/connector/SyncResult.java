package com.skylinksync.connector;

import com.skylinksync.schemas.avro.Outcome;

/**
 * A successful sync: written ({@code SYNCED}) or found already in step ({@code UNCHANGED}).
 *
 * @param targetId    the id of what was written (or found in step) in the target system: Magento for syncs from
 *                    Retail Express, Retail Express for pushes from Magento; null when there is none
 * @param contentHash hash of the content now in Magento, kept in the status store and handed back in the next
 *                    {@link SyncTask} so an unchanged entity costs no Magento write; null when the syncer keeps none
 */
public record SyncResult(Outcome outcome, String targetId, String contentHash) {

    public SyncResult {
        if (outcome != Outcome.SYNCED && outcome != Outcome.UNCHANGED) {
            throw new IllegalArgumentException("A sync result is SYNCED or UNCHANGED, not " + outcome);
        }
    }

    public static SyncResult synced(String targetId, String contentHash) {
        return new SyncResult(Outcome.SYNCED, targetId, contentHash);
    }

    public static SyncResult unchanged(String targetId, String contentHash) {
        return new SyncResult(Outcome.UNCHANGED, targetId, contentHash);
    }
}
