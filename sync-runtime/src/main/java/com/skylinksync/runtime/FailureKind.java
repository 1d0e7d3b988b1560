package com.skylinksync.runtime;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.retailexpress.RetailExpressException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** How a failed sync is handled (DESIGN section 3, "Errors are classified"). */
enum FailureKind {
    /** Timeouts, 5xx, throttling, configuration trouble: retry with backoff; not the entity's fault. */
    TRANSIENT,
    /** Unknown entity, validation error, unreadable event: dead-letter at once with the reason. */
    PERMANENT,
    /** A non-idempotent write with an unknown outcome: never retried blindly; parked for an operator. */
    UNCERTAIN;

    static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            switch (t) {
                case PermanentSyncException ignored -> { return PERMANENT; }
                case DeserializationException ignored -> { return PERMANENT; }
                case RetailExpressException.Business ignored -> { return PERMANENT; }
                case RetailExpressException.NotFound ignored -> { return PERMANENT; }
                case RetailExpressException.Uncertain ignored -> { return UNCERTAIN; }
                case UncertainSyncException ignored -> { return UNCERTAIN; }
                case RetailExpressException ignored -> { return TRANSIENT; } // throttled, transient, configuration
                case MagentoException.Rejected ignored -> { return PERMANENT; }
                case MagentoException ignored -> { return TRANSIENT; } // unavailable, unauthorized (configuration)
                default -> { }
            }
        }
        return TRANSIENT; // an unexpected failure is retried; retry-give-up-after dead-letters it if it persists
    }

    /** A short, stable code for the outcome event and the dead-letter list, e.g. {@code RETAIL_EXPRESS_NOTFOUND}. */
    static String codeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            switch (t) {
                case PermanentSyncException p -> { return p.code(); }
                case RetailExpressException r -> { return "RETAIL_EXPRESS_" + upper(r); }
                case MagentoException m -> { return "MAGENTO_" + upper(m); }
                case DeserializationException ignored -> { return "UNREADABLE_EVENT"; }
                case UncertainSyncException ignored -> { return "UNCERTAIN_WRITE"; }
                default -> { }
            }
        }
        return "UNEXPECTED";
    }

    /** The innermost message: the one that names what went wrong. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String upper(Throwable t) {
        return t.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }
}
