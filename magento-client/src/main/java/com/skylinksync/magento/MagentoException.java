package com.skylinksync.magento;

/**
 * A failed Magento call, with Magento's message decoded ({@code "%1"}/{@code "%name"} placeholders filled from
 * {@code parameters}). The subtype says whether retrying can help. Never carries the access token.
 */
public abstract sealed class MagentoException extends RuntimeException {

    private final int status;

    MagentoException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /**
     * 4xx other than 401/403/429, and a missing entity on a write: Magento refused the content (validation,
     * duplicate email...). Permanent.
     */
    public static final class Rejected extends MagentoException {
        public Rejected(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }

    /** 401/403: the token is wrong or lacks a permission. A configuration problem, not the entity's. */
    public static final class Unauthorized extends MagentoException {
        public Unauthorized(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }

    /**
     * The request never reached a Magento service: no route for it ({@code "Request does not match any route."}, or a
     * 404 that is not Magento's, as from a wrong base URL), or a redirect. A configuration problem, not the entity's.
     */
    public static final class Misconfigured extends MagentoException {
        public Misconfigured(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }

    /** 5xx, 429, timeouts, connection failures: retry with backoff. */
    public static final class Unavailable extends MagentoException {
        public Unavailable(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }
}
