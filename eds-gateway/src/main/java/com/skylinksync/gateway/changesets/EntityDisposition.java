package com.skylinksync.gateway.changesets;

/** What the gateway does with one entity of a change set. */
public enum EntityDisposition {
    /** Published as an {@code EntityChanged} event; a sync service reports its outcome. */
    SYNC,
    /**
     * Synced inline by the owning service ({@code skylink sync}): tracked like {@code SYNC} (its outcome arrives as a
     * completion) but not published, since the service runs it at once.
     */
    INLINE,
    /**
     * A bulk type ({@code SalesChannel}, {@code BulkCustomer}): stands for many entities, enumerated from RE in the
     * background and added to the change set (origin {@code BULK}); pending until that is done.
     */
    EXPAND,
    /** A type RE sends that is recorded but not synced (vouchers: Magento Open Source has no gift cards): terminal at once. */
    UNSUPPORTED,
    /** A type the gateway does not know: recorded and counted so it is noticed, never a reason to refuse the change set. */
    IGNORED
}
