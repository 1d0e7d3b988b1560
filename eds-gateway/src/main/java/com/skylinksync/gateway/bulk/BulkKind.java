package com.skylinksync.gateway.bulk;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;

/** What each bulk EDS type stands for, and how its entities are enumerated. */
enum BulkKind {
    /** Every product of the sales channel named by the bulk entity's id. */
    SALES_CHANNEL("SalesChannel", EntityType.PRODUCT) {
        @Override
        List<Enumerated> enumerate(BulkSources sources, BulkRequest request) {
            return plain("Product", sources.catalogue().getProductIdsByChannel(channel(request)));
        }

        @Override
        int channel(BulkRequest request) {
            return Integer.parseInt(request.entityId());
        }
    },
    /**
     * Every customer. Only those marked for export and with an email: RE's own web-store filter, and Magento cannot
     * hold a customer without an email anyway.
     */
    BULK_CUSTOMER("BulkCustomer", EntityType.CUSTOMER) {
        @Override
        List<Enumerated> enumerate(BulkSources sources, BulkRequest request) {
            return plain("Customer", sources.customers().getCustomerIds(true, true));
        }
    },
    /** Every price group (standard and fixed): only an operator's run asks for this; RE has no bulk EDS type for it. */
    ALL_PRICE_GROUPS("AllPriceGroups", EntityType.PRICE_GROUP) {
        @Override
        List<Enumerated> enumerate(BulkSources sources, BulkRequest request) {
            return plain("PriceGroup", sources.catalogue().getAllPriceGroups().stream().map(group -> group.key().id()).distinct().toList());
        }
    },
    /**
     * Every option of the eight attribute codes, from one {@code GetAllProductAttributes} call: recorded as EDS names
     * them one by one (type {@code Brand}, ..., {@code Custom3}, with their attribute code), so their completions match.
     */
    ALL_ATTRIBUTES("AllAttributes", EntityType.ATTRIBUTE_OPTION) {
        @Override
        List<Enumerated> enumerate(BulkSources sources, BulkRequest request) {
            var attributes = sources.catalogue().getAllProductAttributes();
            List<Enumerated> options = new ArrayList<>();
            for (AttributeCode code : AttributeCode.values()) {
                attributes.of(code).stream().map(option -> option.id()).distinct()
                        .forEach(id -> options.add(new Enumerated(code.optionElement(), code.code(), id)));
            }
            return options;
        }
    },
    /** Every outlet of the sales channel named by the bulk entity's id ({@code GetOutletsByChannel}). */
    CHANNEL_OUTLETS("ChannelOutlets", EntityType.OUTLET) {
        @Override
        List<Enumerated> enumerate(BulkSources sources, BulkRequest request) {
            return plain("Outlet", sources.sales().getOutletsByChannel(channel(request)).stream().map(outlet -> outlet.id()).toList());
        }

        @Override
        int channel(BulkRequest request) {
            return Integer.parseInt(request.entityId());
        }
    },
    /**
     * The RE orders of Magento's active orders (not complete, closed or cancelled) that carry the fulfillment
     * service's link comment: their payments and shipments are what a fulfillments run syncs. Read from Magento,
     * not RE: RE cannot list orders, and only Magento knows which of its orders are still open.
     */
    LINKED_ORDERS("LinkedMagentoOrders", EntityType.ORDER) {
        @Override
        List<Enumerated> enumerate(BulkSources sources, BulkRequest request) {
            return sources.linkedOrders().retailExpressOrderIds().stream().map(id -> new Enumerated("Order", null, id)).toList();
        }

        @Override
        boolean readsRetailExpress() {
            return false;
        }
    };

    /**
     * One enumerated entity, recorded as if RE had named it.
     *
     * @param edsType       the EDS type it is recorded under ({@code Product}, {@code Brand}, ...)
     * @param attributeCode for attribute options, the attribute; null otherwise
     * @param entityId      the entity's own id
     */
    record Enumerated(String edsType, String attributeCode, String entityId) {
    }

    private final String edsType;
    private final EntityType entityType;

    BulkKind(String edsType, EntityType entityType) {
        this.edsType = edsType;
        this.entityType = entityType;
    }

    /** One source call (RE's under the client's API budget; Magento's paged for orders): what this bulk entity stands for. */
    abstract List<Enumerated> enumerate(BulkSources sources, BulkRequest request);

    /** The sales channel the enumerated entities' events are for: the change set's, unless the bulk entity names one. */
    int channel(BulkRequest request) {
        return request.salesChannelId();
    }

    /** Whether enumerating costs an RE call (of the shared budget); Magento's order pages do not. */
    boolean readsRetailExpress() {
        return true;
    }

    EntityType entityType() {
        return entityType;
    }

    String edsType() {
        return edsType;
    }

    private static List<Enumerated> plain(String edsType, List<Integer> ids) {
        return ids.stream().map(id -> new Enumerated(edsType, null, String.valueOf(id))).toList();
    }

    static BulkKind of(String edsType) {
        for (BulkKind kind : values()) {
            if (kind.edsType.equals(edsType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a bulk EDS type: " + edsType);
    }
}
