package com.skylinksync.sandbox.chaos.workload;

import java.time.Instant;

/**
 * A fault the workload injected into a simulator, so the checks can tell its effects from defects.
 *
 * @param kind   what was injected
 * @param target which simulator ({@code retail-express}, {@code magento})
 * @param from   when it started
 * @param to     when it ended (the last call it can have hit)
 * @param detail e.g. {@code 40-160 ms}, {@code next 4 calls}, {@code next 6 requests answer 503}
 */
record InjectedFault(Kind kind, String target, Instant from, Instant to, String detail) {

    /**
     * Every kind is transient by design: a correct system retries each and none may dead-letter or park an entity.
     */
    enum Kind { RE_LATENCY, RE_THROTTLE, MAGENTO_5XX }

    @Override
    public String toString() {
        return kind + " on " + target + " " + from + ".." + to + " (" + detail + ")";
    }
}
