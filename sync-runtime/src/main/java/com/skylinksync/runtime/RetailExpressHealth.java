package com.skylinksync.runtime;

import com.skylinksync.retailexpress.RetailExpressException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while Retail Express rejects this service's credentials or client id ({@link RetailExpressException.Configuration}):
 * no entity can sync until an operator fixes the configuration, so the pod says so. The next successful sync clears it.
 */
final class RetailExpressHealth implements HealthIndicator {

    private final AtomicReference<String> configurationError = new AtomicReference<>();

    void configurationError(Throwable failure) {
        configurationError.set(FailureKind.rootMessage(failure));
    }

    void succeeded() {
        configurationError.set(null);
    }

    @Override
    public Health health() {
        String error = configurationError.get();
        return error == null ? Health.up().build()
                : Health.down().withDetail("configurationError", error).build();
    }
}
