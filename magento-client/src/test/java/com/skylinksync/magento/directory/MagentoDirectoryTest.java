package com.skylinksync.magento.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class MagentoDirectoryTest {

    private static final MagentoRegion QUEENSLAND = new MagentoRegion(572, "QLD", "Queensland");

    private MagentoSimulator magento;
    private MagentoDirectory directory;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        directory = new MagentoDirectory(new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5))));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void regionsComeFromMagentosDirectory() {
        List<MagentoRegion> australia = directory.regionsOf("AU");

        assertThat(australia).hasSize(8).contains(QUEENSLAND);
        assertThat(australia).extracting(MagentoRegion::regionCode)
                .containsExactlyInAnyOrder("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA");
        assertThat(directory.regionsOf("NZ")).isEmpty();
        assertThat(directory.regionsOf("XX")).as("a country the store does not allow").isEmpty();
        assertThat(magento.requests().getLast().status()).isEqualTo(404);
    }
}
