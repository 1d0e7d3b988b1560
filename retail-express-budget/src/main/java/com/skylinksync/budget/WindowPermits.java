package com.skylinksync.budget;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * This participant's permits: one resilience4j {@link RateLimiter} per RE window. The minute, hour and day limiters
 * count calls per budget period, their cycles being the cluster's periods (their time source is the
 * {@link PeriodClock}'s); each period's limit is this participant's share for that period by that window, set during
 * the period before (resilience4j applies a changed limit from the next cycle). The second window's limiter is a
 * pacer: one permit per {@code 1/rate} s, none saved up, and a new pacer starts without one, so that in any second
 * it gives at most {@code floor(rate) + 2} permits, and across a change of pace at most
 * {@code floor(a * old + b * new) + 2} (what {@link BudgetShares} divides the second window by). Each period's pace
 * is switched to by the first take in that period, and a permit of the old pace taken as the period ended is
 * dropped, so every participant's pace changes exactly at the boundary, whenever its ticker runs.
 *
 * <p>{@link #take} is called by one caller at a time (the one whose turn it is, see {@link CallerTurns}).
 */
final class WindowPermits {

    private final RateLimiter minute;
    private final RateLimiter hour;
    private final RateLimiter day;
    private final PeriodClock clock;
    private volatile RateLimiter second;
    private volatile double secondRate;
    private volatile long secondSlot = Long.MIN_VALUE;

    WindowPermits(PeriodClock clock) {
        this.clock = clock;
        Duration period = Duration.ofMillis(clock.periodMillis());
        this.minute = periodLimiter("minute", period, clock);
        this.hour = periodLimiter("hour", period, clock);
        this.day = periodLimiter("day", period, clock);
        this.second = pacer(1.0);
        this.secondRate = 0;
    }

    /**
     * Takes one permit of every window for a call in {@code slot} at {@code rate} calls/s, checking all first, so a
     * window without a permit never costs the others one. (If a take still fails, e.g. the minute was drained by a
     * throttle at that instant, or the period ended meanwhile, the permits already taken are lost: an under-use of at
     * most one call, never an excess.)
     */
    boolean take(long slot, double rate) {
        if (rate <= 0) {
            return false;
        }
        RateLimiter pace = pacerFor(slot, rate);
        if (minute.getMetrics().getAvailablePermissions() < 1 || hour.getMetrics().getAvailablePermissions() < 1
                || day.getMetrics().getAvailablePermissions() < 1 || pace.getMetrics().getAvailablePermissions() < 1) {
            return false;
        }
        return minute.acquirePermission(1) && hour.acquirePermission(1) && day.acquirePermission(1)
                && pace.acquirePermission(1) && clock.slot() == slot;
    }

    /** This participant's share of the next period, by window (never below 1: the grant itself gates a zero). */
    void limitNextPeriod(Grants grants) {
        minute.changeLimitForPeriod(Math.max(1, grants.minute()));
        hour.changeLimitForPeriod(Math.max(1, grants.hour()));
        day.changeLimitForPeriod(Math.max(1, grants.day()));
    }

    /**
     * The pacer for {@code slot}: the current one while the rate stays within 1 % below it (never one faster than
     * the grant), else a new one starting without a permit.
     */
    private synchronized RateLimiter pacerFor(long slot, double rate) {
        if (slot != secondSlot) {
            if (rate < secondRate || rate > secondRate * 1.01) {
                second = pacer(rate);
                secondRate = rate;
            }
            secondSlot = slot;
        }
        return second;
    }

    /** After a throttle fault: no more calls this period, and the pace multiplied by {@code factor} at once. */
    synchronized void slowDown(double factor) {
        minute.drainPermissions();
        if (secondRate > 0) {
            secondRate = secondRate * factor;
            second = pacer(secondRate);
        }
    }

    private static RateLimiter periodLimiter(String window, Duration period, PeriodClock clock) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
        return RateLimiter.of("re-budget-" + window, config, clock.alignedNanos());
    }

    /** One permit per {@code 1/rate} s (rounded up to the nanosecond: never faster), the first one after that. */
    private static RateLimiter pacer(double rate) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1_000, (long) Math.ceil(1_000_000_000L / rate))))
                .timeoutDuration(Duration.ZERO).build();
        RateLimiter pacer = RateLimiter.of("re-budget-second", config);
        pacer.drainPermissions();
        return pacer;
    }
}
