package com.skylinksync.sandbox.retailexpress;

import java.time.Duration;
import java.util.Objects;

/**
 * Fractions of SOAP calls the simulator answers with a fault instead of the operation, each in [0, 1] and together
 * at most 1. {@link #none()} by default.
 *
 * @param serverErrors fraction answered HTTP 503 with an HTML body, as IIS does when the app pool is down
 * @param timeouts     fraction never answered within {@code hang} (the client's request timeout should fire)
 * @param malformed    fraction answered 200 with a truncated SOAP envelope
 * @param hang         how long a "timeout" call is held before the connection is closed without an answer
 */
public record InjectedFaults(double serverErrors, double timeouts, double malformed, Duration hang) {

    public InjectedFaults {
        Objects.requireNonNull(hang, "hang");
        for (double rate : new double[] {serverErrors, timeouts, malformed}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("A fault rate is a fraction in [0, 1], not " + rate);
            }
        }
        if (serverErrors + timeouts + malformed > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Fault rates add up to more than 1");
        }
    }

    public static InjectedFaults none() {
        return new InjectedFaults(0, 0, 0, Duration.ofMinutes(2));
    }

    /** Which fault, if any, a uniformly drawn {@code draw} in [0, 1) selects. */
    Kind select(double draw) {
        if (draw < serverErrors) {
            return Kind.SERVER_ERROR;
        }
        if (draw < serverErrors + timeouts) {
            return Kind.TIMEOUT;
        }
        if (draw < serverErrors + timeouts + malformed) {
            return Kind.MALFORMED;
        }
        return Kind.NONE;
    }

    enum Kind { NONE, SERVER_ERROR, TIMEOUT, MALFORMED }
}
