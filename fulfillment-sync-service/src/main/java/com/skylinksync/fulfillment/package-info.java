/**
 * fulfillment-sync-service: Retail Express fulfillments and payments → Magento shipments and invoices, and Magento
 * orders and invoices → Retail Express orders and payments. Not built yet; see DESIGN.md sections 3 and 6.
 */
package com.skylinksync.fulfillment;
