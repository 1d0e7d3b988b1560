package com.skylinksync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What a service yml importing {@code skylink/sync-service-defaults.yml} gets, and how it overrides a default. */
class SyncServiceDefaultsTest {

    /** No auto-configuration: only the environment is of interest. */
    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void aServiceImportingTheDefaultsGetsTheSharedSettingsAndOverridesThemInALaterDocument() {
        try (var context = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=defaults-check").run()) {
            Environment env = context.getEnvironment();
            assertThat(env.getProperty("spring.kafka.consumer.value-deserializer"))
                    .isEqualTo("org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
            assertThat(env.getProperty("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class"))
                    .isEqualTo("com.skylinksync.schemas.AvroEventDeserializer");
            assertThat(env.getProperty("spring.kafka.consumer.key-deserializer"))
                    .isEqualTo("org.apache.kafka.common.serialization.StringDeserializer");
            assertThat(env.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
            assertThat(env.getProperty("spring.kafka.producer.value-serializer"))
                    .isEqualTo("com.skylinksync.schemas.AvroEventSerializer");
            assertThat(env.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
            assertThat(env.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
            assertThat(env.getProperty("spring.flyway.baseline-on-migrate")).isEqualTo("true");
            assertThat(env.getProperty("spring.r2dbc.pool.max-acquire-time")).isEqualTo("5s");
            assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
            assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
            // The service's own settings are kept...
            assertThat(env.getProperty("spring.kafka.consumer.group-id")).isEqualTo("defaults-check");
            // ...but in the importing document a default wins (Spring Boot: an import outranks its importer)...
            assertThat(env.getProperty("spring.flyway.baseline-version")).isEqualTo("0");
            // ...and a later document of the service's yml outranks the defaults.
            assertThat(env.getProperty("server.shutdown")).isEqualTo("immediate");
        }
    }

    @Test
    void logLinesAreJsonOnKubernetesAndHumanElsewhereAndTracesAreWholeButNotExportedUntilAnEndpointIsSet() {
        try (var context = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=defaults-check", "spring.main.cloud-platform=kubernetes").run()) {
            Environment env = context.getEnvironment();
            assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        }
        try (var context = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=defaults-check", "spring.main.cloud-platform=none").run()) {
            Environment env = context.getEnvironment();
            assertThat(env.getProperty("logging.structured.format.console")).isNull();
            assertThat(env.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
            assertThat(env.getProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isNull();
            assertThat(env.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
            // An idle service's stop does not wait Reactor Netty's 2 s quiet period (ServiceStopTest in customer-sync-service).
            assertThat(env.getProperty("spring.reactor.netty.shutdown-quiet-period")).isEqualTo("0s");
        }
    }
}
