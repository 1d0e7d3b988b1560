package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.EntityChanged;

/**
 * What a sync service knows: how to bring one entity of one type from Retail Express into Magento.
 * The runtime decides how it is run safely (consumption, retries, dead letters, outcome reporting);
 * the syncer only fetches, maps and writes, throwing when it cannot.
 */
public interface EntitySyncer {

    /** Fetch the entity's current state from Retail Express and write it to Magento. */
    SyncResult sync(EntityChanged event);
}
