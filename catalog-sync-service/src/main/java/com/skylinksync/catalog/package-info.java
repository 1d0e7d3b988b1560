/**
 * catalog-sync-service: Retail Express attributes, products (simple and matrix), stock and prices → Magento.
 * Not built yet: it will declare its {@code EntitySyncer}s on {@code skylink.re.attributes} and
 * {@code skylink.re.products} and get consumption, retries and outcome reporting from sync-runtime.
 */
package com.skylinksync.catalog;
