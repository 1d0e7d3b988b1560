package com.skylinksync.connector;

/**
 * The entity cannot be synced as it is (ambiguous match, data Magento will never accept...): retrying cannot help,
 * so the event goes to the dead-letter topic at once with this message as the reason.
 */
public class PermanentSyncException extends RuntimeException {

    private final String code;

    public PermanentSyncException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A short, stable reason code for dashboards and the dead-letter list, e.g. {@code AMBIGUOUS_MATCH}. */
    public String code() {
        return code;
    }
}
