package com.skylinksync.gateway.bulk;

import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSales;
import org.springframework.stereotype.Component;

/** Where bulk entities are enumerated from: RE's feature clients, and Magento's linked orders for fulfillments. */
@Component
record BulkSources(RetailExpressCustomers customers, RetailExpressCatalogue catalogue, RetailExpressSales sales,
                   LinkedMagentoOrders linkedOrders) {
}
