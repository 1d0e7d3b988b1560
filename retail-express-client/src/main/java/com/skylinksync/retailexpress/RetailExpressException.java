package com.skylinksync.retailexpress;

/**
 * Every failure of a Retail Express call, classified by what the caller should do about it.
 * Messages carry RE's own words where it gave any, and never a credential.
 */
public abstract sealed class RetailExpressException extends RuntimeException {

    private final String operation;

    RetailExpressException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    /** The SOAP operation that failed, e.g. {@code GetCustomers}. */
    public String operation() {
        return operation;
    }

    /** Invalid client id or credentials: retrying will not help; the service should report itself unhealthy. */
    public static final class Configuration extends RetailExpressException {
        public Configuration(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** RE's API budget was exceeded: back off, then retry. */
    public static final class Throttled extends RetailExpressException {
        public Throttled(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** Timeouts before sending, connection failures, 5xx, malformed responses to reads: retry with backoff. */
    public static final class Transient extends RetailExpressException {
        public Transient(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** RE refused the request ({@code <Error>} in a result, {@code Result=Fail}): permanent, with RE's message. */
    public static final class Business extends RetailExpressException {
        public Business(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** RE answered with an empty result where an entity was required. Permanent. */
    public static final class NotFound extends RetailExpressException {
        public NotFound(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }

    /** A non-idempotent write was sent but its outcome is unknown (e.g. timed out reading the answer). Never retry blindly. */
    public static final class Uncertain extends RetailExpressException {
        public Uncertain(String operation, String message, Throwable cause) {
            super(operation, message, cause);
        }
    }
}
