package com.skylinksync.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The front door: Retail Express's EDS notifications in, change-set acknowledgements back out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdsGatewayApplication {

    /** Each service reads its own {@code <name>.yml}, so several can share one JVM (the local stack) without clashing. */
    public static final String CONFIG_NAME = "eds-gateway";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EdsGatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
