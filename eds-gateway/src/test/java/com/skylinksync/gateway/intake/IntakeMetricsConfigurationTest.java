package com.skylinksync.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class IntakeMetricsConfigurationTest {

    @Test
    void countsAtMostTwentyDistinctUnknownTypes() {
        var registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new IntakeMetricsConfiguration().boundedIgnoredTypes());

        for (int i = 0; i < 50; i++) {
            registry.counter("skylink.gateway.eds.ignored.types", "type", "Gadget" + i).increment();
        }

        assertThat(registry.find("skylink.gateway.eds.ignored.types").counters())
                .hasSize(IntakeMetricsConfiguration.MAX_IGNORED_TYPE_SERIES);
    }
}
