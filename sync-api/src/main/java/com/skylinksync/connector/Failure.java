package com.skylinksync.connector;

import java.util.Objects;

/**
 * A {@link FailureClassifier}'s verdict on one exception.
 *
 * @param kind how the runtime handles it
 * @param code a short, stable code for outcome events, dashboards and the dead-letter list, e.g. {@code MAGENTO_REJECTED}
 */
public record Failure(FailureKind kind, String code) {

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }
}
