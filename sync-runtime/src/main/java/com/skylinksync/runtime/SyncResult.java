package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.Outcome;

/** A successful sync: written ({@code SYNCED}) or found already in step ({@code UNCHANGED}). */
public record SyncResult(Outcome outcome, String magentoId) {

    public SyncResult {
        if (outcome != Outcome.SYNCED && outcome != Outcome.UNCHANGED) {
            throw new IllegalArgumentException("A sync result is SYNCED or UNCHANGED, not " + outcome);
        }
    }

    public static SyncResult synced(String magentoId) {
        return new SyncResult(Outcome.SYNCED, magentoId);
    }

    public static SyncResult unchanged(String magentoId) {
        return new SyncResult(Outcome.UNCHANGED, magentoId);
    }
}
