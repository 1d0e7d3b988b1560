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
}
