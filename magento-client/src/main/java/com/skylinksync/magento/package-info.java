/**
 * Typed client for Magento 2.4's REST API, one feature client per area over one transport.
 *
 * <ul>
 *   <li>This package: {@link com.skylinksync.magento.MagentoTransport} (WebClient, the integration's bearer token,
 *       timeouts, Magento's error bodies decoded into {@link com.skylinksync.magento.MagentoException} — a missing
 *       entity told apart from a route Magento does not have), {@link com.skylinksync.magento.SearchCriteria} with
 *       {@link com.skylinksync.magento.SearchResult}, the settings and the Spring Boot auto-configuration, and
 *       {@link com.skylinksync.magento.MagentoFailures} for the sync runtime.</li>
 *   <li>{@code customers}: {@code MagentoCustomers} — customers, customer groups, customer searches.</li>
 *   <li>{@code directory}: {@code MagentoDirectory} — countries and their regions, which customer and order addresses
 *       share.</li>
 *   <li>{@code catalog}: {@code MagentoCatalog} — products (with their stock item, tier prices, website links and
 *       configurable options and links), product attributes, their options and attribute sets, configurable options
 *       and children, stock items, websites and store views.</li>
 *   <li>{@code sales}: {@code MagentoSales} — orders (search by {@code updated_at}, get, comments), invoices
 *       (search, invoice an order) and shipments (search, ship an order with items, comment and tracks).</li>
 * </ul>
 */
package com.skylinksync.magento;
