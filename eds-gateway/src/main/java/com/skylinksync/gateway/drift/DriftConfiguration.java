package com.skylinksync.gateway.drift;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.drift.DriftComparison;
import com.skylinksync.drift.DriftProperties;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSales;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The drift comparison in the gateway, which already holds the RE clients (under the shared budget) and the tracked
 * runs a heal becomes. It needs Magento too ({@code skylink.magento.*}); without it the drift API answers 503 naming
 * what is missing, and everything else in the gateway works as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DriftProperties.class)
class DriftConfiguration {

    /** Empty when Magento is not configured (the client's auto-configuration needs {@code skylink.magento.base-url}). */
    @Bean
    DriftEngine driftEngine(RetailExpressCatalogue catalogue, RetailExpressCustomers customers, RetailExpressSales sales,
                            ObjectProvider<MagentoCatalog> magentoCatalog, ObjectProvider<MagentoCustomers> magentoCustomers,
                            ObjectProvider<MagentoSales> magentoSales, ObjectProvider<WorkPriority> priority,
                            DriftProperties properties) {
        MagentoCatalog catalog = magentoCatalog.getIfAvailable();
        MagentoCustomers magentoCustomersClient = magentoCustomers.getIfAvailable();
        MagentoSales salesClient = magentoSales.getIfAvailable();
        if (catalog == null || magentoCustomersClient == null || salesClient == null) {
            return new DriftEngine(Optional.empty(), properties);
        }
        return new DriftEngine(Optional.of(new DriftComparison(catalogue, customers, sales, catalog, magentoCustomersClient,
                salesClient, priority.getIfAvailable(WorkPriority::new), properties, Clock.systemUTC())), properties);
    }

    /** The comparison, if Magento is configured. */
    record DriftEngine(Optional<DriftComparison> comparison, DriftProperties properties) {
    }
}
