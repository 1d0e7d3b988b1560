package com.skylinksync.customers;

import com.skylinksync.customerlink.CustomerLinkConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Keeps Magento customers in step with Retail Express customers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CustomerLinkConfiguration.class)
public class CustomerSyncApplication {

    /** Each service reads its own {@code <name>.yml}, so several can share one JVM (the local stack) without clashing. */
    public static final String CONFIG_NAME = "customer-sync-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CustomerSyncApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
