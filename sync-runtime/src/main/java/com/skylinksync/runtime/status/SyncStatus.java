package com.skylinksync.runtime.status;

/** Where an entity stands, as operators see it. */
public enum SyncStatus {
    /** Never asked for: no row exists (the API answers with it rather than 404). */
    NEVER_SYNCED,
    /** An event is waiting to be processed. */
    QUEUED,
    /** Being synced now. */
    RUNNING,
    /** Written to Magento. */
    SYNCED,
    /** Already in step: nothing written. */
    UNCHANGED,
    /** The last attempt failed transiently; it will be retried. */
    FAILED,
    /** Given up (permanent error or retries exhausted): in {@code <topic>.dlt}, needs a fix and a redrive. */
    DEAD_LETTERED,
    /** A write of unknown outcome: in {@code <topic>.parked}, an operator must check before redriving. */
    PARKED
}
