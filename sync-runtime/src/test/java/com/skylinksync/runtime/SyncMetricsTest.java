package com.skylinksync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    @Test
    void theInFlightGaugeKeepsReadingAfterAGarbageCollection() {
        var registry = new SimpleMeterRegistry();
        var unfinished = new AtomicInteger(7);
        // As the runtime passes it: a method reference nothing else holds on to.
        new SyncMetrics(registry, unfinished::get);

        System.gc();
        unfinished.set(9);

        assertThat(registry.get("skylink.sync.in.flight").gauge().value()).isEqualTo(9.0);
    }
}
