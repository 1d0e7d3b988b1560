package com.skylinksync.budget;

/**
 * The cluster-wide RE API budget: calls allowed, per RE client, in any second, minute, hour and day, summed over
 * every process. RE's limits are cumulative, so these are for the whole cluster, never per process.
 *
 * @param perSecond calls in any 1 s (RE: 25)
 * @param perMinute calls in any 60 s (RE: 1,200)
 * @param perHour   calls in any 3,600 s (RE: 30,000)
 * @param perDay    calls in any 86,400 s (RE: 150,000)
 */
public record BudgetLimits(int perSecond, int perMinute, int perHour, int perDay) {

    public BudgetLimits {
        if (perSecond < 1 || perMinute < 1 || perHour < 1 || perDay < 1) {
            throw new IllegalArgumentException("Every budget window needs a limit of at least 1");
        }
    }

    /** Retail Express's own limits (DESIGN section 4). */
    public static BudgetLimits retailExpress() {
        return new BudgetLimits(25, 1_200, 30_000, 150_000);
    }
}
