package com.skylinksync.retailexpress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives a Boot service a {@link RetailExpressClient} bean from {@link RetailExpressProperties} as soon as
 * {@code skylink.retail-express.endpoint} is set, unless the service defines its own. Services then inject the client.
 * Also contributes what the sync runtime needs to know of RE without knowing this client: the classification of its
 * failures ({@link RetailExpressFailures}) and, where Boot's health is on the classpath, the {@code retailExpress}
 * health (DOWN while RE refuses the credentials).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "skylink.retail-express", name = "endpoint")
@EnableConfigurationProperties(RetailExpressProperties.class)
public class RetailExpressAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressClient retailExpressClient(RetailExpressProperties properties, ObjectProvider<CallPermits> permits) {
        return new RetailExpressClient(properties.toSettings(), permits.getIfAvailable(() -> CallPermits.UNLIMITED));
    }

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressFailures retailExpressFailures() {
        return new RetailExpressFailures();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class CredentialHealth {

        /** A service with a health check of its own under this name (the gateway's reachability probe) keeps it. */
        @Bean
        @ConditionalOnMissingBean(name = "retailExpress")
        HealthIndicator retailExpress(RetailExpressClient client) {
            return () -> client.credentials().refusal()
                    .map(refusal -> Health.down().withDetail("configurationError", refusal).build())
                    .orElseGet(() -> Health.up().build());
        }
    }
}
