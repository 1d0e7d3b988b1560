package com.skylinksync.retailexpress;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives a Boot service a {@link RetailExpressClient} bean from {@link RetailExpressProperties} as soon as
 * {@code skylink.retail-express.endpoint} is set, unless the service defines its own. Services then inject the client.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "skylink.retail-express", name = "endpoint")
@EnableConfigurationProperties(RetailExpressProperties.class)
public class RetailExpressAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressClient retailExpressClient(RetailExpressProperties properties,
                                                   org.springframework.beans.factory.ObjectProvider<CallPermits> permits) {
        return new RetailExpressClient(properties.toSettings(), permits.getIfAvailable(() -> CallPermits.UNLIMITED));
    }
}
