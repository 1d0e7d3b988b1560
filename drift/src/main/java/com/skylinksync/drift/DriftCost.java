package com.skylinksync.drift;

import java.time.Duration;

/**
 * What a full comparison will cost, stated before it runs ({@code --dry-run}): RE calls (the enumerations it makes to
 * count are included) and the time they take at the configured share of RE's windows, whether that fits the
 * comparison's cap on the day window, and the Magento reads (pages) besides.
 */
public record DriftCost(DriftScope scope, long retailExpressCalls, double budgetShare, int callsPerMinute,
                        Duration retailExpressTime, long callCap, boolean withinCap, long estimateCalls) {
}
