package com.skylinksync.gateway.access;

import com.skylinksync.access.ApiKeys;
import com.skylinksync.access.OperatorAccessFilter;
import com.skylinksync.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every route of the gateway needs an operator credential (the shared {@link OperatorAccessFilter}, which the sync
 * services use too), except RE's EDS intake (which checks its own {@code x-api-key}), the health probes, and the
 * console's static files (a page shell that holds no data: everything it shows comes from the operator API).
 */
@Configuration(proxyBeanMethods = false)
class OperatorAccessConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    OperatorAccessFilter operatorAccessFilter(OperatorAccessProperties access, GatewayProperties gateway, Environment environment) {
        ApiKeys edsKeys = new ApiKeys(gateway.apiKeys());
        if (access.operatorTokens().stream().anyMatch(edsKeys::accepts) || access.readOnlyTokens().stream().anyMatch(edsKeys::accepts)) {
            throw new IllegalArgumentException("skylink.gateway.operator-access tokens must differ from RE's EDS keys (skylink.gateway.api-keys)");
        }
        return new OperatorAccessFilter(access.operatorTokens(), access.readOnlyTokens(), OperatorAccessConfiguration::isOpen, environment);
    }

    private static boolean isOpen(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        HttpMethod method = exchange.getRequest().getMethod();
        if (path.equals("/eds/notify") || OperatorAccessFilter.isHealthProbe(path)) {
            return true;
        }
        return OperatorAccessFilter.isRead(method) && (path.equals("/console") || path.startsWith("/console/"));
    }
}
