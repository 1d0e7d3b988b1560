package com.skylinksync.schemas;

import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;

/**
 * An entity's identity as one string: the Kafka key of its events. It is the entity id, except for attribute options,
 * whose ids are unique only within their attribute: {@code <attributeCode>:<id>} ({@code brand:7} and {@code colour:7}
 * are two entities).
 */
public final class EntityKey {

    private EntityKey() {
    }

    public static String of(String attributeCode, String entityId) {
        return attributeCode == null ? entityId : attributeCode + ":" + entityId;
    }

    public static String of(EntityChanged event) {
        return of(event.getAttributeCode(), event.getEntityId());
    }

    public static String of(EntitySynced event) {
        return of(event.getAttributeCode(), event.getEntityId());
    }
}
