package com.skylinksync.catalog.attributes;

import com.skylinksync.connector.ContentHash;
import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.schemas.avro.EntityType;
import org.springframework.stereotype.Component;

/**
 * {@code ATTRIBUTE_OPTION} events (EDS {@code Brand}, {@code Colour}, {@code Size}, {@code Season},
 * {@code ProductType}, {@code Custom1..3}, and bulk): the entity is {@code <code>:<RE option id>}. The option is synced
 * to the mapped Magento attribute; the target id is {@code <magento code>:<option id>}.
 */
@Component
class AttributeOptionSyncer implements EntitySyncer {

    private final AttributeOptions options;
    private final CatalogSetup setup;

    AttributeOptionSyncer(AttributeOptions options, CatalogSetup setup) {
        this.options = options;
        this.setup = setup;
    }

    @Override
    public EntityType entityType() {
        return EntityType.ATTRIBUTE_OPTION;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        setup.requireReady();
        String given = task.latest().getAttributeCode();
        AttributeCode code;
        try {
            code = AttributeCode.fromCode(given);
        } catch (IllegalArgumentException unknown) {
            throw new PermanentSyncException("UNKNOWN_ATTRIBUTE_CODE", "'" + given + "' is not an RE attribute code");
        }
        String magentoCode = options.attribute(code).code();
        int writes = options.syncOption(code, task.entityId()).orElseThrow(() -> new PermanentSyncException(
                "OPTION_NOT_IN_RETAIL_EXPRESS", "RE has no " + code.code() + " option " + task.entityId()));
        String target = options.linked(code, task.entityId()).map(id -> magentoCode + ":" + id).orElse(magentoCode);
        String hash = ContentHash.of(target);
        return writes == 0 ? SyncResult.unchanged(target, hash) : SyncResult.synced(target, hash);
    }
}
