package com.skylinksync.connector;

/** How a failed sync is handled (DESIGN section 3, "Errors are classified"). */
public enum FailureKind {
    /** Timeouts, 5xx, throttling, configuration trouble: retried with backoff; not the entity's fault. */
    TRANSIENT,
    /** Unknown entity, validation error, unreadable event: dead-lettered at once with the reason. */
    PERMANENT,
    /** A non-idempotent write with an unknown outcome: never retried blindly; parked for an operator. */
    UNCERTAIN
}
