package com.skylinksync.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
                .description("Retail Express EDS notifications in (PUT /eds/notify, RE's x-api-key); the operator API, which the"
                        + " skylink CLI and the console use: change sets, entity history, bulk runs, dead letters, parked writes,"
                        + " lag, replay, budget (/changesets, /ops/**; an operator credential, Authorization: Bearer: reads need"
                        + " the read-only role, actions the operator role). Every error is an RFC 9457 problem document"
                        + " (application/problem+json)."))
                .components(new Components().addSecuritySchemes("operator",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An operator credential (skylink.gateway.operator-access)")))
                .addSecurityItem(new SecurityRequirement().addList("operator"));
    }
}
