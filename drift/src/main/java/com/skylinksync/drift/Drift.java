package com.skylinksync.drift;

import com.skylinksync.schemas.avro.EntityType;
import java.util.Objects;

/**
 * One difference: its category, the entity (as RE names it when RE has it, else as Magento does), the fields that
 * differ with both sides' values, and how it heals — a sync of {@code heal}, or not automatically, for {@code reason}.
 *
 * @param entity        {@code product}, {@code configurable}, {@code customer}, {@code order}, {@code invoice}
 * @param entityId      the RE id (product, customer, order id) or, for what RE does not have, the Magento one
 * @param magentoId     the Magento id or SKU, null when Magento has none
 * @param fields        the differing fields, comma-separated; empty when the whole entity is missing
 * @param retailExpress RE's side ("field=value; ..."), empty when RE has nothing
 * @param magento       Magento's side, in the same order
 * @param heal          the sync that corrects it; null when it cannot be healed automatically
 * @param reason        why it cannot be healed (or cannot be synced), null otherwise
 */
public record Drift(DriftCategory category, String entity, String entityId, String magentoId, String fields,
                    String retailExpress, String magento, HealTarget heal, String reason) {

    public Drift {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        fields = fields == null ? "" : fields;
        retailExpress = retailExpress == null ? "" : retailExpress;
        magento = magento == null ? "" : magento;
    }

    public boolean healable() {
        return heal != null;
    }

    /**
     * The sync that puts a drifted entity right: the entity type the owning service consumes, and its id. Magento-side
     * entities (orders, invoices) carry the entity as read, as their change sources publish it ({@code snapshot}).
     */
    public record HealTarget(EntityType type, String id, String snapshot) {

        public HealTarget {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }

        public HealTarget(EntityType type, String id) {
            this(type, id, null);
        }
    }
}
