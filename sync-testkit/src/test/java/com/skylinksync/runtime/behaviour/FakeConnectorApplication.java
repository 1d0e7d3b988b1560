package com.skylinksync.runtime.behaviour;

import com.skylinksync.testkit.SyncServiceHarness;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A sync service whose connectors (and change sources) are the test's fakes, registered as beans at start. */
@SpringBootApplication
class FakeConnectorApplication {

    static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(FakeConnectorApplication.class)
                .properties("spring.config.name=fake-connector-service");
    }

    static SyncServiceHarness.Builder harness() {
        return SyncServiceHarness.forService(FakeConnectorApplication::builder);
    }

    /** Registers the test's objects as beans of the instance about to start (by bean name). */
    static UnaryOperator<SpringApplicationBuilder> beans(Map<String, Object> beans) {
        return builder -> builder.initializers(context -> beans.forEach(context.getBeanFactory()::registerSingleton));
    }
}
