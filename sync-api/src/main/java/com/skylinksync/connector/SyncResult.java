package com.skylinksync.connector;

import com.skylinksync.schemas.avro.Outcome;

/**
 * A successful sync: written ({@code SYNCED}) or found already in step ({@code UNCHANGED}).
 *
 * @param contentHash hash of the content now in Magento, kept in the status store and handed back in the next
 *                    {@link SyncTask} so an unchanged entity costs no Magento write; null when the syncer keeps none
 */
public record SyncResult(Outcome outcome, String magentoId, String contentHash) {

    public SyncResult {
        if (outcome != Outcome.SYNCED && outcome != Outcome.UNCHANGED) {
            throw new IllegalArgumentException("A sync result is SYNCED or UNCHANGED, not " + outcome);
        }
    }

    public static SyncResult synced(String magentoId, String contentHash) {
        return new SyncResult(Outcome.SYNCED, magentoId, contentHash);
    }

    public static SyncResult unchanged(String magentoId, String contentHash) {
        return new SyncResult(Outcome.UNCHANGED, magentoId, contentHash);
    }
}
