package com.skylinksync.fulfillment;

import com.skylinksync.customerlink.CustomerLinkConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The order loop between Magento and Retail Express: Magento orders and invoices to RE orders and payments, RE
 * payments and fulfilments back to Magento invoices and shipments, each effect exactly once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CustomerLinkConfiguration.class)
public class FulfillmentSyncApplication {

    /** Each service reads its own {@code <name>.yml}, so several can share one JVM (the local stack) without clashing. */
    public static final String CONFIG_NAME = "fulfillment-sync-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(FulfillmentSyncApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
