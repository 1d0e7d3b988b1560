package com.skylinksync.gateway.intake;

import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What EDS's {@code Type} of an entity group means to the gateway: which events it becomes and what its ids look like.
 *
 * @param entityType    the type events carry (for bulk types, the type they expand to); null when not synced
 * @param attributeCode for attribute options, the attribute whose options changed
 * @param disposition   synced, recorded as unsupported, or ignored
 * @param idPattern     what every id of this type must look like
 */
record EdsTypeRoute(EntityType entityType, String attributeCode, EntityDisposition disposition, Pattern idPattern) {

    /** Positive integers without sign or leading zeros (RE ids), at most 18 digits so they fit a long. */
    static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]{0,17}");
    /** RE order ids: digits, a dash, digits, e.g. {@code 16-00000001}. */
    static final Pattern ORDER_ID = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");
    /** Ids of types we do not know are kept as text, but only short printable ones. */
    static final Pattern ANY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final Map<String, EdsTypeRoute> ROUTES = routes();

    private static Map<String, EdsTypeRoute> routes() {
        Map<String, EdsTypeRoute> routes = new HashMap<>(Map.ofEntries(
                synced("Customer", EntityType.CUSTOMER, null),
                synced("PriceGroup", EntityType.PRICE_GROUP, null),
                synced("Product", EntityType.PRODUCT, null),
                Map.entry("Order", new EdsTypeRoute(EntityType.ORDER, null, EntityDisposition.SYNC, ORDER_ID)),
                synced("Outlet", EntityType.OUTLET, null),
                // Bulk types stand for every product of a channel (the id is the channel) and every customer (the id
                // means nothing): enumerated from RE in the background. Vouchers have no Magento counterpart in Open
                // Source: recorded as unsupported, terminal at once, so the change set can still be acknowledged.
                Map.entry("SalesChannel", new EdsTypeRoute(EntityType.PRODUCT, null, EntityDisposition.EXPAND, POSITIVE_INTEGER)),
                Map.entry("BulkCustomer", new EdsTypeRoute(EntityType.CUSTOMER, null, EntityDisposition.EXPAND, POSITIVE_INTEGER)),
                unsupported("Voucher"),
                unsupported("BulkVoucher")));
        // EDS names an attribute option's type as RE's option element (Brand, Colour, ..., ProductType, Custom1..3):
        // the client's AttributeCode already knows each one and its code.
        for (AttributeCode attribute : AttributeCode.values()) {
            var route = synced(attribute.optionElement(), EntityType.ATTRIBUTE_OPTION, attribute.code());
            routes.put(route.getKey(), route.getValue());
        }
        return Map.copyOf(routes);
    }

    private static final EdsTypeRoute IGNORED = new EdsTypeRoute(null, null, EntityDisposition.IGNORED, ANY_ID);

    /** The route of an EDS type; an unknown type is ignored rather than refused, so RE adding a type breaks nothing. */
    static EdsTypeRoute of(String edsType) {
        return ROUTES.getOrDefault(edsType, IGNORED);
    }

    String idDescription() {
        if (idPattern == ORDER_ID) {
            return "an order id such as 16-00000001";
        }
        return idPattern == POSITIVE_INTEGER ? "a positive integer" : "a short id of letters, digits, '.', '_', ':' or '-'";
    }

    private static Map.Entry<String, EdsTypeRoute> synced(String edsType, EntityType type, String attributeCode) {
        return Map.entry(edsType, new EdsTypeRoute(type, attributeCode, EntityDisposition.SYNC, POSITIVE_INTEGER));
    }

    private static Map.Entry<String, EdsTypeRoute> unsupported(String edsType) {
        return Map.entry(edsType, new EdsTypeRoute(null, null, EntityDisposition.UNSUPPORTED, POSITIVE_INTEGER));
    }
}
