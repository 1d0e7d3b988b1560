package com.skylinksync.magento;

/**
 * Where the transport reports each Magento REST call's duration (for metrics): its HTTP method and the status Magento
 * answered, or {@code unavailable} when no answer came (timeout, no connection).
 */
@FunctionalInterface
public interface MagentoCallTimings {

    /** Reports nothing: tools and tests. */
    MagentoCallTimings NONE = (method, status, nanos) -> { };

    void record(String method, String status, long nanos);
}
