package com.skylinksync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.schemas.avro.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An idle service stops at once, as a pod told to stop (SIGTERM: the context is closed) should. It used to take
 * over 2 s of waiting on Reactor Netty's default 2 s shutdown quiet period, after its consumer had already stopped.
 */
class ServiceStopTest {

    /** Stopping the consumer (leaving the group), the web server, the pools: well under this. */
    private static final Duration BOUND = Duration.ofMillis(1500);

    private static ServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = ServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void anIdleServiceThatHasSyncedStopsWellWithinASecondAndAHalf() {
        ConfigurableApplicationContext service = harness.startService("--skylink.sync.shutdown-grace=0s");
        // In the group, assigned, has synced (so its Magento, RE and database connections are open) and is idle again.
        harness.kit.events().publish(harness.changed("stop-test", "300000"));
        assertThat(harness.kit.completions().awaitOutcome("stop-test", "300000").getOutcome()).isEqualTo(Outcome.SYNCED);

        long started = System.nanoTime();
        service.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.println("STOP customer-sync-service idle stop took " + took.toMillis() + " ms");
        assertThat(service.isActive()).isFalse();
        assertThat(took).isLessThan(BOUND);
    }
}
