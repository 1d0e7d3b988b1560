package com.skylinksync.budget;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * This participant's permits: one resilience4j {@link RateLimiter} per RE window. The minute, hour and day limiters
 * count calls per budget period, their cycles being the cluster's periods (their time source is the
 * {@link PeriodClock}'s); each period's limit is this participant's share for that period by that window, set during
 * the period before (resilience4j applies a changed limit from the next cycle). The second window's limiter is a
 * pacer: one permit per {@code 1/rate} s.
 *
 * <p>{@link #take} is called by one caller at a time (the one whose turn it is, see {@link CallerTurns}).
 */
final class WindowPermits {

    private final RateLimiter minute;
    private final RateLimiter hour;
    private final RateLimiter day;
    private volatile RateLimiter second;
    private volatile double secondRate;

    WindowPermits(PeriodClock clock) {
        Duration period = Duration.ofMillis(clock.periodMillis());
        this.minute = periodLimiter("minute", period, clock);
        this.hour = periodLimiter("hour", period, clock);
        this.day = periodLimiter("day", period, clock);
        this.second = pacer(1.0);
        this.secondRate = 0;
    }

    /**
     * Takes one permit of every window, checking all first, so a window without a permit never costs the others one.
     * (If a take still fails, e.g. the minute was drained by a throttle at that instant, the permits already taken are
     * lost: an under-use of at most one call, never an excess.)
     */
    boolean take() {
        RateLimiter pace = second;
        if (minute.getMetrics().getAvailablePermissions() < 1 || hour.getMetrics().getAvailablePermissions() < 1
                || day.getMetrics().getAvailablePermissions() < 1 || pace.getMetrics().getAvailablePermissions() < 1) {
            return false;
        }
        return minute.acquirePermission(1) && hour.acquirePermission(1) && day.acquirePermission(1)
                && pace.acquirePermission(1);
    }

    /** This participant's share of the next period, by window (never below 1: the grant itself gates a zero). */
    void limitNextPeriod(Grants grants) {
        minute.changeLimitForPeriod(Math.max(1, grants.minute()));
        hour.changeLimitForPeriod(Math.max(1, grants.hour()));
        day.changeLimitForPeriod(Math.max(1, grants.day()));
    }

    /** Paces the second window at {@code rate} calls/s from now (changes under 1 % are not worth a new pacer). */
    synchronized void pace(double rate) {
        if (rate <= 0) {
            secondRate = 0;
            return;
        }
        if (Math.abs(rate - secondRate) > secondRate * 0.01) {
            second = pacer(rate);
            secondRate = rate;
        }
    }

    /** After a throttle fault: no more calls this period, and the pace multiplied by {@code factor} at once. */
    synchronized void slowDown(double factor) {
        minute.drainPermissions();
        pace(secondRate * factor);
    }

    private static RateLimiter periodLimiter(String window, Duration period, PeriodClock clock) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
        return RateLimiter.of("re-budget-" + window, config, clock.alignedNanos());
    }

    private static RateLimiter pacer(double rate) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1_000, (long) (1_000_000_000L / rate))))
                .timeoutDuration(Duration.ZERO).build();
        return RateLimiter.of("re-budget-second", config);
    }
}
