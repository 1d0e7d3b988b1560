/**
 * catalog-sync-service: Retail Express attribute options, products (simple and matrix), stock and prices → Magento,
 * as connectors on the sync runtime ({@code attributes.AttributeOptionSyncer} on {@code skylink.re.attributes},
 * {@code products.ProductSyncer} on {@code skylink.re.products}). {@link com.skylinksync.catalog.CatalogProperties}
 * holds the settings; {@code attributes.CatalogSetup} checks (and completes) the Magento attributes the sync needs.
 */
package com.skylinksync.catalog;
