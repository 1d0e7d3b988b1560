package com.skylinksync.customers.pricegroups;

import com.skylinksync.magento.customers.MagentoCustomerGroup;
import com.skylinksync.retailexpress.PriceGroupKey;
import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code PriceGroup} events (EDS or bulk) → Magento customer groups. The id is {@code standard:<id>} /
 * {@code fixed:<id>}, or a bare id as EDS sends it, which syncs every price group with that id.
 */
@Component
class PriceGroupSyncer implements EntitySyncer {

    private final CustomerGroups groups;

    PriceGroupSyncer(CustomerGroups groups) {
        this.groups = groups;
    }

    @Override
    public EntityType entityType() {
        return EntityType.PRICE_GROUP;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        List<PriceGroupKey> keys = keys(task.entityId());
        List<String> ids = new ArrayList<>();
        for (PriceGroupKey key : keys) {
            MagentoCustomerGroup group = groups.sync(key);
            ids.add(String.valueOf(group.id()));
        }
        return SyncResult.synced(String.join(",", ids), null);
    }

    private List<PriceGroupKey> keys(String entityId) {
        try {
            if (entityId.contains(":")) {
                return List.of(PriceGroupKey.parse(entityId));
            }
            List<PriceGroupKey> keys = groups.keysWithId(Integer.parseInt(entityId.strip()));
            if (keys.isEmpty()) {
                throw new PermanentSyncException("PRICE_GROUP_NOT_IN_RETAIL_EXPRESS",
                        "Price group " + entityId + " does not exist in Retail Express.");
            }
            return keys;
        } catch (IllegalArgumentException notAnId) {
            throw new PermanentSyncException("INVALID_ENTITY_ID", "'" + entityId + "' is not a price group id.");
        }
    }
}
