package com.skylinksync.gateway.bulk;

import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.schemas.avro.EntityType;
import java.util.List;

/** What each bulk EDS type stands for, and how its entities are enumerated from Retail Express. */
enum BulkKind {
    /** Every product of the sales channel named by the bulk entity's id. */
    SALES_CHANNEL("SalesChannel", "Product", EntityType.PRODUCT) {
        @Override
        List<Integer> enumerate(RetailExpressCustomers customers, RetailExpressCatalogue catalogue, BulkRequest request) {
            return catalogue.getProductIdsByChannel(channel(request));
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
    BULK_CUSTOMER("BulkCustomer", "Customer", EntityType.CUSTOMER) {
        @Override
        List<Integer> enumerate(RetailExpressCustomers customers, RetailExpressCatalogue catalogue, BulkRequest request) {
            return customers.getCustomerIds(true, true);
        }

        @Override
        int channel(BulkRequest request) {
            return request.salesChannelId();
        }
    },
    /** Every price group (standard and fixed): only an operator's run asks for this; RE has no bulk EDS type for it. */
    ALL_PRICE_GROUPS("AllPriceGroups", "PriceGroup", EntityType.PRICE_GROUP) {
        @Override
        List<Integer> enumerate(RetailExpressCustomers customers, RetailExpressCatalogue catalogue, BulkRequest request) {
            return catalogue.getAllPriceGroups().stream().map(group -> group.key().id()).distinct().toList();
        }

        @Override
        int channel(BulkRequest request) {
            return request.salesChannelId();
        }
    };

    private final String edsType;
    private final String enumeratedEdsType;
    private final EntityType entityType;

    BulkKind(String edsType, String enumeratedEdsType, EntityType entityType) {
        this.edsType = edsType;
        this.enumeratedEdsType = enumeratedEdsType;
        this.entityType = entityType;
    }

    /** One RE call (under the client's API budget): the ids this bulk entity stands for. */
    abstract List<Integer> enumerate(RetailExpressCustomers customers, RetailExpressCatalogue catalogue,
                                     BulkRequest request);

    /** The sales channel the enumerated entities' events are for. */
    abstract int channel(BulkRequest request);

    /** The EDS type enumerated entities are recorded under, as if RE had named them one by one. */
    String enumeratedEdsType() {
        return enumeratedEdsType;
    }

    EntityType entityType() {
        return entityType;
    }

    String edsType() {
        return edsType;
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
