package com.skylinksync.runtime.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The status store and its HTTP API; imported by the runtime's auto-configuration. */
@Configuration(proxyBeanMethods = false)
public class EntityStatusConfiguration {

    @Bean
    EntityStatusStore entityStatusStore(DatabaseClient database) {
        return new EntityStatusStore(database);
    }

    @Bean
    RouterFunction<ServerResponse> entityStatusRoutes(EntityStatusStore store) {
        return new EntityStatusRoutes(store).routes();
    }
}
