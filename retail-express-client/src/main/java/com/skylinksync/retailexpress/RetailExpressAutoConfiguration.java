package com.skylinksync.retailexpress;

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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives a Boot service, as soon as {@code skylink.retail-express.endpoint} is set, one {@link RetailExpressTransport}
 * from {@link RetailExpressProperties} (its calls under the service's {@link CallPermits}, the shared API budget, when
 * there is one) and a bean per feature client over it: {@link RetailExpressCustomers}, {@link RetailExpressCatalogue},
 * {@link RetailExpressSales} and {@link ChangeSetAcknowledgements}. A service injects only the feature clients it
 * needs; any of these beans the service defines itself is kept. Also contributes what the sync runtime needs to know
 * of RE without knowing this client: the classification of its failures ({@link RetailExpressFailures}) and, where
 * Boot's health is on the classpath, the {@code retailExpress} health (DOWN while RE refuses the credentials).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "skylink.retail-express", name = "endpoint")
@EnableConfigurationProperties(RetailExpressProperties.class)
public class RetailExpressAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressTransport retailExpressTransport(RetailExpressProperties properties,
                                                         ObjectProvider<CallPermits> permits,
                                                         ObjectProvider<ObservationRegistry> observations,
                                                         ObjectProvider<CallTimings> timings) {
        return new RetailExpressTransport(properties.toSettings(), permits.getIfAvailable(() -> CallPermits.UNLIMITED),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), timings.getIfAvailable(() -> CallTimings.NONE));
    }

    /**
     * {@code skylink.re.calls{operation,outcome}}: a timer per RE operation and outcome (the call itself, after its
     * budget permit), with ten latency buckets for percentiles.
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
        CallTimings retailExpressCallTimings(ObjectProvider<MeterRegistry> registries) {
            return (operation, outcome, nanos) -> {
                MeterRegistry registry = registries.getIfAvailable();
                if (registry != null) {
                    Timer.builder("skylink.re.calls")
                            .description("Retail Express SOAP calls by operation and outcome")
                            .tag("operation", operation).tag("outcome", outcome)
                            .serviceLevelObjectives(LATENCY_BUCKETS)
                            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
                }
            };
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressCustomers retailExpressCustomers(RetailExpressTransport transport) {
        return new RetailExpressCustomers(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressCatalogue retailExpressCatalogue(RetailExpressTransport transport) {
        return new RetailExpressCatalogue(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    public RetailExpressSales retailExpressSales(RetailExpressTransport transport) {
        return new RetailExpressSales(transport);
    }

    @Bean
    @ConditionalOnMissingBean
    public ChangeSetAcknowledgements changeSetAcknowledgements(RetailExpressTransport transport) {
        return new ChangeSetAcknowledgements(transport);
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
        HealthIndicator retailExpress(RetailExpressTransport transport) {
            return () -> transport.credentials().refusal()
                    .map(refusal -> Health.down().withDetail("configurationError", refusal).build())
                    .orElseGet(() -> Health.up().build());
        }
    }
}
