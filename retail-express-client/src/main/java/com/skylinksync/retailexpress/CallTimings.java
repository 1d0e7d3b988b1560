package com.skylinksync.retailexpress;

/**
 * Where the transport reports each RE call's duration and outcome (for metrics): {@code ok}, or the failure kind
 * ({@code throttled}, {@code transient}, {@code business}, {@code not_found}, {@code uncertain}, {@code configuration}).
 */
@FunctionalInterface
public interface CallTimings {

    /** Reports nothing: tools and tests. */
    CallTimings NONE = (operation, outcome, nanos) -> { };

    void record(String operation, String outcome, long nanos);

    /** The outcome name of a failure, as {@link #record} gets it. */
    static String outcomeOf(RetailExpressException failure) {
        return switch (failure) {
            case RetailExpressException.Throttled t -> "throttled";
            case RetailExpressException.Transient t -> "transient";
            case RetailExpressException.Business b -> "business";
            case RetailExpressException.NotFound n -> "not_found";
            case RetailExpressException.Uncertain u -> "uncertain";
            case RetailExpressException.Configuration c -> "configuration";
        };
    }
}
