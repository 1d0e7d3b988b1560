package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RetailExpressAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RetailExpressAutoConfiguration.class));

    @Test
    void isRegisteredForBootToFind() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(RetailExpressAutoConfiguration.class.getName());
    }

    @Test
    void createsTheTransportFromPropertiesWithDefaultsAndEveryFeatureClientOverIt() {
        runner.withPropertyValues("skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc",
                        "skylink.retail-express.client-id=6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d",
                        "skylink.retail-express.username=skylink", "skylink.retail-express.password=sandbox-secret")
                .run(context -> {
                    RetailExpressSettings settings = context.getBean(RetailExpressTransport.class).settings();
                    assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8082/re/ecommerce.svc"));
                    assertThat(settings.clientId()).isEqualTo(UUID.fromString("6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d"));
                    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(settings.logPayloads()).isFalse();
                    assertThat(context.getBean(RetailExpressProperties.class).toString())
                            .doesNotContain("sandbox-secret");
                    assertThat(context).hasSingleBean(RetailExpressCustomers.class)
                            .hasSingleBean(RetailExpressCatalogue.class).hasSingleBean(RetailExpressSales.class)
                            .hasSingleBean(ChangeSetAcknowledgements.class).hasSingleBean(RetailExpressFailures.class);
                });
    }

    @Test
    void bindsTimeoutsAndPayloadLogging() {
        runner.withPropertyValues("skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc",
                        "skylink.retail-express.client-id=6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d",
                        "skylink.retail-express.username=u", "skylink.retail-express.password=p",
                        "skylink.retail-express.connect-timeout=2s", "skylink.retail-express.request-timeout=45s",
                        "skylink.retail-express.log-payloads=true")
                .run(context -> {
                    RetailExpressSettings settings = context.getBean(RetailExpressTransport.class).settings();
                    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(settings.logPayloads()).isTrue();
                });
    }

    @Test
    void staysOutOfTheWayWithoutAnEndpoint() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RetailExpressTransport.class)
                .doesNotHaveBean(RetailExpressCustomers.class).doesNotHaveBean(RetailExpressCatalogue.class)
                .doesNotHaveBean(RetailExpressSales.class).doesNotHaveBean(ChangeSetAcknowledgements.class));
    }

    @Test
    void namesTheMissingProperty() {
        runner.withPropertyValues("skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("skylink.retail-express.client-id must be set"));
    }

    @Test
    void backsOffForATransportOrFeatureClientTheServiceDefines() {
        RetailExpressTransport own = new RetailExpressTransport(new RetailExpressSettings(URI.create("http://own"),
                UUID.randomUUID(), "u", "p", null, null, false));
        RetailExpressSales ownSales = new RetailExpressSales(own);
        runner.withPropertyValues("skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc")
                .withBean(RetailExpressTransport.class, () -> own)
                .withBean(RetailExpressSales.class, () -> ownSales)
                .run(context -> {
                    assertThat(context.getBean(RetailExpressTransport.class)).isSameAs(own);
                    assertThat(context.getBean(RetailExpressSales.class)).isSameAs(ownSales);
                    assertThat(context).hasSingleBean(RetailExpressCustomers.class);
                });
    }

    @Test
    void healthIsDownWhileTheTransportSeesTheCredentialsRefused() {
        runner.withPropertyValues("skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc",
                        "skylink.retail-express.client-id=6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d",
                        "skylink.retail-express.username=u", "skylink.retail-express.password=p")
                .run(context -> {
                    HealthIndicator health = context.getBean("retailExpress", HealthIndicator.class);
                    CredentialStatus credentials = context.getBean(RetailExpressTransport.class).credentials();
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

                    credentials.refused(new RetailExpressException.Configuration("GetCustomers",
                            "RE rejected the client id", null));

                    Health down = health.health();
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails()).containsEntry("configurationError",
                            "GetCustomers: RE rejected the client id");

                    credentials.accepted();

                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void timesCallsIntoTheServicesMeterRegistryAsSkylinkReCalls() {
        runner.withPropertyValues("skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc",
                        "skylink.retail-express.client-id=6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d",
                        "skylink.retail-express.username=skylink", "skylink.retail-express.password=sandbox-secret")
                .withBean(io.micrometer.core.instrument.MeterRegistry.class, io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
                .run(context -> {
                    context.getBean(CallTimings.class).record("GetCustomers", "ok", 3_000_000);
                    var timer = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                            .get("skylink.re.calls").tags("operation", "GetCustomers", "outcome", "ok").timer();
                    assertThat(timer.count()).isEqualTo(1);
                    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(3.0);
                });
    }
}
