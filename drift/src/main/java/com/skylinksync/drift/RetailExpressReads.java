package com.skylinksync.drift;

import com.skylinksync.connector.WorkPriority;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every RE read of one comparison: at backlog priority in the shared budget (real-time syncs go first), within the
 * comparison's share of RE's second, minute and hour windows (resilience4j limiters, one per window, as the budget
 * itself), and stopped once the share of the day window is spent. Counts the calls.
 */
final class RetailExpressReads {

    /** The comparison spent its share of RE's day window. */
    static final class CapReached extends RuntimeException {
        CapReached(long cap) {
            super("RE call cap reached: " + cap + " calls (skylink.drift.budget-share of the day window)");
        }
    }

    private final WorkPriority priority;
    private final List<RateLimiter> windows;
    private final long cap;
    private final AtomicLong calls = new AtomicLong();

    RetailExpressReads(WorkPriority priority, DriftProperties properties) {
        this.priority = priority;
        this.cap = properties.callCap();
        this.windows = List.of(window("second", properties.perSecond(), Duration.ofSeconds(1)),
                window("minute", properties.perMinute(), Duration.ofMinutes(1)),
                window("hour", properties.perHour(), Duration.ofHours(1)));
    }

    private static RateLimiter window(String name, int permits, Duration period) {
        return RateLimiter.of("drift-re-" + name, RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofMinutes(61)).build());
    }

    <T> T call(Supplier<T> read) {
        if (calls.incrementAndGet() > cap) {
            calls.decrementAndGet();
            throw new CapReached(cap);
        }
        for (RateLimiter window : windows) {
            if (!window.acquirePermission()) {
                throw new CapReached(cap);
            }
        }
        return priority.call(WorkPriority.Level.BACKLOG, read);
    }

    long calls() {
        return calls.get();
    }
}
