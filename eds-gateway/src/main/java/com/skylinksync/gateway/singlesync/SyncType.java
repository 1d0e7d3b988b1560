package com.skylinksync.gateway.singlesync;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.schemas.avro.EntityType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The types an operator syncs one of ({@code skylink sync TYPE ID}): the entity type, the EDS type its change set
 * entity is recorded under, the owning service, and what an id looks like. {@code order} and {@code fulfillments}
 * both sync an RE order into Magento (its invoice once paid, a shipment per fulfilment batch), as the original's
 * {@code sync-fulfillments} did; Magento's own orders reach RE through their change source.
 */
enum SyncType {
    CUSTOMER("customer", EntityType.CUSTOMER, "Customer", Owner.CUSTOMER, Ids.NUMBER),
    PRICE_GROUP("price-group", EntityType.PRICE_GROUP, "PriceGroup", Owner.CUSTOMER, Ids.NUMBER),
    ATTRIBUTE("attribute", EntityType.ATTRIBUTE_OPTION, null, Owner.CATALOG, Ids.ATTRIBUTE_OPTION),
    PRODUCT("product", EntityType.PRODUCT, "Product", Owner.CATALOG, Ids.NUMBER),
    ORDER("order", EntityType.ORDER, "Order", Owner.FULFILLMENT, Ids.ORDER),
    FULFILLMENTS("fulfillments", EntityType.ORDER, "Order", Owner.FULFILLMENT, Ids.ORDER);

    enum Owner { CUSTOMER, CATALOG, FULFILLMENT }

    private static final class Ids {
        static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,18}");
        static final Pattern ORDER = Pattern.compile("[1-9][0-9]{0,18}|[0-9]{1,8}-[0-9]{1,12}");
        /** {@code <attribute code>:<option id>}: one option of one of RE's attributes. */
        static final Pattern ATTRIBUTE_OPTION = Pattern.compile("(?i)(" + String.join("|",
                Arrays.stream(AttributeCode.values()).map(AttributeCode::code).toList()) + "):[1-9][0-9]{0,18}");
    }

    final String name;
    final EntityType entityType;
    private final String edsType;
    final Owner owner;
    private final Pattern ids;

    SyncType(String name, EntityType entityType, String edsType, Owner owner, Pattern ids) {
        this.name = name;
        this.entityType = entityType;
        this.edsType = edsType;
        this.owner = owner;
        this.ids = ids;
    }

    static Optional<SyncType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(t -> t.name).toList();
    }

    boolean accepts(String id) {
        return id != null && ids.matcher(id).matches();
    }

    String idHint() {
        return switch (this) {
            case ATTRIBUTE -> "an attribute option: <code>:<option id>, code one of brand, colour, size, season, product_type, custom_1..3 (brand:7)";
            case ORDER, FULFILLMENTS -> "an RE order id such as 16-00000001";
            default -> "an RE id: a positive integer";
        };
    }

    /** The attribute code of an attribute option's id ({@code brand:7} → {@code brand}); null for other types. */
    String attributeCode(String id) {
        return this == ATTRIBUTE ? id.substring(0, id.indexOf(':')).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** The entity's own id ({@code brand:7} → {@code 7}). */
    String entityId(String id) {
        return this == ATTRIBUTE ? id.substring(id.indexOf(':') + 1) : id;
    }

    /** The EDS type the change set records ({@code Brand} for a brand option). */
    String edsType(String id) {
        if (this != ATTRIBUTE) {
            return edsType;
        }
        return AttributeCode.fromCode(attributeCode(id)).optionElement();
    }
}
