package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

class MagentoAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MagentoAutoConfiguration.class));

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(MagentoAutoConfiguration.class.getName());
    }

    @Test
    void staysOffWithoutABaseUrl() {
        context.run(app -> assertThat(app).doesNotHaveBean(MagentoTransport.class).doesNotHaveBean(MagentoCustomers.class)
                .doesNotHaveBean(MagentoDirectory.class));
    }

    @Test
    void bindsPropertiesAndBuildsAWorkingClient() {
        try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0))) {
            context.withPropertyValues("skylink.magento.base-url=" + magento.restBase(),
                            "skylink.magento.access-token=" + magento.accessToken())
                    .run(app -> {
                        assertThat(app).hasSingleBean(MagentoTransport.class).hasSingleBean(MagentoCustomers.class)
                                .hasSingleBean(MagentoDirectory.class).hasSingleBean(MagentoFailures.class);
                        MagentoProperties properties = app.getBean(MagentoProperties.class);
                        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
                        assertThat(properties.toString()).doesNotContain(magento.accessToken());
                        assertThat(app.getBean(MagentoDirectory.class).regionsOf("AU")).hasSize(8);
                        assertThat(app.getBean(MagentoCustomers.class).getCustomer(1)).isEmpty();
                    });
        }
    }

    @Test
    void usesTheContextsWebClientBuilderAndTimeout() {
        try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0))) {
            context.withBean(WebClient.Builder.class, () -> WebClient.builder().defaultHeader("X-Probe", "context"))
                    .withPropertyValues("skylink.magento.base-url=" + magento.restBase(),
                            "skylink.magento.access-token=" + magento.accessToken(),
                            "skylink.magento.timeout=2s")
                    .run(app -> {
                        assertThat(app.getBean(MagentoProperties.class).timeout()).isEqualTo(Duration.ofSeconds(2));
                        assertThat(app.getBean(MagentoDirectory.class).regionsOf("NZ")).isEmpty();
                    });
        }
    }

    @Test
    void backsOffForTheApplicationsOwnClient() {
        MagentoTransport own = new MagentoTransport(WebClient.builder(),
                new MagentoSettings(java.net.URI.create("http://127.0.0.1:1/rest"), "t", Duration.ofSeconds(1)));
        MagentoCustomers ownCustomers = new MagentoCustomers(own);
        context.withBean(MagentoTransport.class, () -> own)
                .withBean(MagentoCustomers.class, () -> ownCustomers)
                .withPropertyValues("skylink.magento.base-url=http://127.0.0.1:2/rest", "skylink.magento.access-token=t")
                .run(app -> {
                    assertThat(app.getBean(MagentoTransport.class)).isSameAs(own);
                    assertThat(app.getBean(MagentoCustomers.class)).isSameAs(ownCustomers);
                    assertThat(app).hasSingleBean(MagentoDirectory.class);
                });
    }

    @Test
    void refusesABaseUrlWithoutAToken() {
        context.withPropertyValues("skylink.magento.base-url=http://127.0.0.1:2/rest")
                .run(app -> assertThat(app).hasFailed());
    }
}
