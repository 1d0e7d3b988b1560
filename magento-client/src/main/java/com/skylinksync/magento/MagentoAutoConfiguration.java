package com.skylinksync.magento;

import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.magento.sales.MagentoSales;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@link MagentoTransport} from {@code skylink.magento.*} once {@code skylink.magento.base-url} is set, and the
 * feature clients over it, each unless the application defines its own. Uses the context's {@link WebClient.Builder}
 * (and so its observation and codecs) when there is one: Boot 4 only provides it with {@code spring-boot-webclient},
 * so a plain builder stands in otherwise.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "skylink.magento", name = "base-url")
@EnableConfigurationProperties(MagentoProperties.class)
public class MagentoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MagentoTransport magentoTransport(ObjectProvider<WebClient.Builder> webClientBuilder,
                                      ObjectProvider<ObservationRegistry> observations, MagentoProperties properties) {
        if (properties.accessToken() == null || properties.accessToken().isBlank()) {
            throw new IllegalStateException("skylink.magento.access-token must be set when skylink.magento.base-url is");
        }
        // Observed exchanges: each Magento request is a span in the caller's trace (and an http.client.requests timer).
        // Set here because Boot 4 has no WebClient.Builder bean without spring-boot-webclient.
        WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
        observations.ifAvailable(builder::observationRegistry);
        return new MagentoTransport(builder, properties.toSettings());
    }

    @Bean
    @ConditionalOnMissingBean
    MagentoCustomers magentoCustomers(MagentoTransport transport) {
        return new MagentoCustomers(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    MagentoDirectory magentoDirectory(MagentoTransport transport) {
        return new MagentoDirectory(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    MagentoCatalog magentoCatalog(MagentoTransport transport) {
        return new MagentoCatalog(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    MagentoSales magentoSales(MagentoTransport transport) {
        return new MagentoSales(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    MagentoFailures magentoFailures() {
        return new MagentoFailures();
    }
}
