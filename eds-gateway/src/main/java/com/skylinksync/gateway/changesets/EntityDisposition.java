package com.skylinksync.gateway.changesets;

/** What the gateway does with one entity of a change set. */
public enum EntityDisposition {
    /** Published as an {@code EntityChanged} event; a sync service reports its outcome. */
    SYNC,
    /** A type RE sends that is recorded but not synced yet (bulk types, vouchers): terminal at once. */
    UNSUPPORTED,
    /** A type the gateway does not know: recorded and counted so it is noticed, never a reason to refuse the change set. */
    IGNORED
}
