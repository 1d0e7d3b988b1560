package com.skylinksync.gateway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; the operations come from the controllers' annotations (springdoc). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI().info(new Info()
                .title("SkyLink Sync EDS gateway")
                .version("1")
                .description("Retail Express EDS notifications in (PUT /eds/notify); change-set status out (GET /changesets). "
                        + "Every error is an RFC 9457 problem document (application/problem+json)."));
    }
}
