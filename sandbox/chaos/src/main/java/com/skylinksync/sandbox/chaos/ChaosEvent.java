package com.skylinksync.sandbox.chaos;

import java.time.Instant;

/**
 * One thing the harness did to the system while the workload ran, so the checks can tell an effect of an injected
 * fault (a write parked because its pod was killed mid-call) from a defect.
 *
 * @param at     when it happened
 * @param kind   what was done
 * @param target which process ({@code catalog-sync-service-2}, {@code kafka}, ...)
 */
public record ChaosEvent(Instant at, Kind kind, String target) {

    public enum Kind { KILLED, RESTARTED, BROKER_RESTARTED }
}
