package com.skylinksync.retailexpress;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Retail Express currently accepts this client's credentials and client id, as the last calls showed: refused
 * from the first {@link RetailExpressException.Configuration} until the next call that succeeds. Health reads it
 * ({@code retailExpress} DOWN while refused), since no call can succeed until an operator fixes the configuration.
 */
public final class CredentialStatus {

    private final AtomicReference<String> refusal = new AtomicReference<>();

    void refused(RetailExpressException.Configuration failure) {
        refusal.set(failure.getMessage());
    }

    void accepted() {
        if (refusal.get() != null) {
            refusal.set(null);
        }
    }

    /** RE's words when it last refused the configuration, or empty while it accepts it. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal.get());
    }
}
