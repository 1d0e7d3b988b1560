package com.skylinksync.connector;

/**
 * A non-idempotent write was sent but its outcome is unknown: retrying could duplicate it, so the event is parked
 * ({@code <topic>.parked}, status PARKED) for an operator to check and redrive.
 */
public class UncertainSyncException extends RuntimeException {

    public UncertainSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
