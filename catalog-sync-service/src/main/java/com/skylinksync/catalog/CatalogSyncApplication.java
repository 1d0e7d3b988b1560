package com.skylinksync.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Keeps the Magento catalog (attribute options, products, configurables, prices, stock) in step with Retail Express. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogSyncApplication {

    /** Each service reads its own {@code <name>.yml}, so several can share one JVM (the local stack) without clashing. */
    public static final String CONFIG_NAME = "catalog-sync-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CatalogSyncApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
