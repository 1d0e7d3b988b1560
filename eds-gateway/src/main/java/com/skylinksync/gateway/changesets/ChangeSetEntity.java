package com.skylinksync.gateway.changesets;

import com.skylinksync.schemas.avro.EntityType;

/**
 * One entity named by a change set.
 *
 * @param edsType       the {@code Type} exactly as RE sent it
 * @param entityId      RE's id: a positive integer, or an order id such as {@code 16-00000001}
 * @param entityType    the type events carry; null unless {@code disposition} is {@link EntityDisposition#SYNC}
 *                      (a bulk entity never matches a completion: its enumerated entities do)
 * @param attributeCode for attribute options, the attribute (brand, colour, ...); null otherwise
 * @param disposition   whether it is synced, recorded as unsupported, or ignored
 * @param snapshot      the entity as read, for Magento-side entities whose syncs need it (a drift heal of an order
 *                      or invoice); null otherwise
 */
public record ChangeSetEntity(String edsType, String entityId, EntityType entityType, String attributeCode,
                              EntityDisposition disposition, String snapshot) {

    public ChangeSetEntity(String edsType, String entityId, EntityType entityType, String attributeCode,
                           EntityDisposition disposition) {
        this(edsType, entityId, entityType, attributeCode, disposition, null);
    }
}
