package com.skylinksync.customerlink;

import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The customer push for a service that imports it ({@code @Import(CustomerLinkConfiguration.class)}): its ledger
 * (over the service's own schema, which must hold {@code customer_push}) and the pusher over the service's Retail
 * Express and Magento clients. Imported, not auto-configured: other applications on the same class path (the local
 * stack runs every service in one JVM) have no customer ledger.
 */
@Configuration(proxyBeanMethods = false)
public class CustomerLinkConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PushLedger customerPushLedger(DatabaseClient database) {
        return new PushLedger(database);
    }

    @Bean
    @ConditionalOnMissingBean
    NewCustomerPasswords newCustomerPasswords() {
        return new NewCustomerPasswords();
    }

    @Bean
    @ConditionalOnMissingBean
    CustomerPusher customerPusher(RetailExpressCustomers retailExpress, MagentoCustomers magento, PushLedger ledger,
                                  NewCustomerPasswords passwords) {
        return new CustomerPusher(retailExpress, magento, ledger, passwords);
    }
}
