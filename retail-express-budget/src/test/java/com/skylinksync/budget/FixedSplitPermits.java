package com.skylinksync.budget;

import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark's baseline, the naive shape of a shared budget: each of {@code replicas} replicas takes a fixed
 * equal part of every RE window, as resilience4j rate limiters configured the obvious way (a third of 25/s, 1,200/min,
 * 30,000/h, 150,000/day: 8 per second, 400 per minute, 10,000 per hour, 50,000 per day, each refreshed once per its
 * window), with no coordination, no re-division by demand and no back-off on a throttle fault.
 */
final class FixedSplitPermits implements CallPermits, AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final List<RateLimiter> windows;

    FixedSplitPermits(BudgetLimits limits, int replicas) {
        this.windows = List.of(
                limiter("second", limits.perSecond() / replicas, Duration.ofSeconds(1)),
                limiter("minute", limits.perMinute() / replicas, Duration.ofMinutes(1)),
                limiter("hour", limits.perHour() / replicas, Duration.ofHours(1)),
                limiter("day", limits.perDay() / replicas, Duration.ofDays(1)));
    }

    @Override
    public void acquire(String operation) {
        for (RateLimiter window : windows) {
            if (!window.acquirePermission()) {
                throw new RetailExpressException.Throttled(operation, "no permit of the fixed split in " + WAIT, null);
            }
        }
    }

    @Override
    public void throttled(String operation) {
        // the naive shape does not react: the caller just tries again
    }

    @Override
    public void close() {
    }

    private static RateLimiter limiter(String window, int limit, Duration length) {
        return RateLimiter.of("fixed-split-" + window, RateLimiterConfig.custom().limitForPeriod(Math.max(1, limit))
                .limitRefreshPeriod(length).timeoutDuration(WAIT).build());
    }
}
