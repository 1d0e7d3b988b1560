package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.EntityChanged;

/**
 * How the runtime names one entity in its status store, logs and groups: the entity id, except for attribute
 * options, whose ids are only unique within their attribute ({@code brand:7} and {@code colour:7} are two entities).
 */
final class EntityIdentity {

    private EntityIdentity() {
    }

    /** The id under which the status store keeps the event's entity. */
    static String of(EntityChanged event) {
        String code = event.getAttributeCode();
        return code == null || code.isBlank() ? event.getEntityId() : code + ":" + event.getEntityId();
    }

    /** Events of one group share a connector call: same entity type and, for attribute options, the same attribute. */
    static String groupOf(EntityChanged event) {
        String code = event.getAttributeCode();
        return code == null || code.isBlank() ? event.getEntityType().name() : event.getEntityType().name() + ":" + code;
    }
}
