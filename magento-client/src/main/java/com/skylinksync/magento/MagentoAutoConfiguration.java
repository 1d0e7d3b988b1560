package com.skylinksync.magento;

import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.magento.sales.MagentoSales;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    MagentoTransport magentoTransport(ObjectProvider<WebClient.Builder> webClientBuilder, MagentoProperties properties,
                                      ObjectProvider<ObservationRegistry> observations,
                                      ObjectProvider<MagentoCallTimings> timings) {
        if (properties.accessToken() == null || properties.accessToken().isBlank()) {
            throw new IllegalStateException("skylink.magento.access-token must be set when skylink.magento.base-url is");
        }
        // Observed exchanges: each Magento request is a span in the caller's trace (and an http.client.requests timer).
        // Set here because Boot 4 has no WebClient.Builder bean without spring-boot-webclient.
        WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
        observations.ifAvailable(builder::observationRegistry);
        return new MagentoTransport(builder, properties.toSettings(), timings.getIfAvailable(() -> MagentoCallTimings.NONE));
    }

    /**
     * {@code skylink.magento.calls{method,status}}: a timer per HTTP method and answer (the status, or
     * {@code unavailable}), with ten latency buckets for percentiles. Paths are left out: they hold SKUs and ids.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class CallMetrics {

        /** Ten buckets for p50/p99 panels: a full percentile histogram would be ~60 series per operation and outcome. */
        private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

        /** The registry is looked up per call: this configuration may run before Boot's metrics configuration. */
        @Bean
        @ConditionalOnMissingBean
        MagentoCallTimings magentoCallTimings(ObjectProvider<MeterRegistry> registries) {
            return (method, status, nanos) -> {
                MeterRegistry registry = registries.getIfAvailable();
                if (registry != null) {
                    Timer.builder("skylink.magento.calls")
                            .description("Magento REST calls by HTTP method and answer")
                            .tag("method", method).tag("status", status)
                            .serviceLevelObjectives(LATENCY_BUCKETS)
                            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
                }
            };
        }
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
