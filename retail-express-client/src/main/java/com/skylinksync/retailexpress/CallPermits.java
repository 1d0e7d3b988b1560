package com.skylinksync.retailexpress;

/**
 * Decides when a call to Retail Express may be made. Every call of a {@link RetailExpressTransport} passes through
 * one; the cluster-wide API budget implements it. RE's limits are cumulative per client across every process, so a
 * process must not call RE except through its permits.
 */
public interface CallPermits {

    /** No budget: every call may go at once (tests of the client itself, tools run by hand). */
    CallPermits UNLIMITED = new CallPermits() {
        @Override
        public void acquire(String operation) {
        }

        @Override
        public void throttled(String operation) {
        }
    };

    /**
     * Blocks until one call may be made. Throws {@link RetailExpressException.Throttled} if no permit comes within the
     * budget's own wait limit, so a caller is never stuck forever.
     */
    void acquire(String operation);

    /** RE answered with a throttle fault: the budget was exceeded somewhere, so every participant should slow down. */
    void throttled(String operation);

    /**
     * The call that took a permit with {@link #acquire} is over: answered, failed or given up. Until then RE may still
     * count it at any moment (a call delivered late, or held up in RE's front end, arrives bunched with later ones), so
     * a budget counts it as possibly inside RE's current second until a second after this. Called exactly once per
     * successful {@code acquire}; a budget that only paces its permits may ignore it.
     */
    default void finished(String operation) {
    }
}
