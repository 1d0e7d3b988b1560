package com.skylinksync.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * How the shared budget divides and guards RE's limits. Every participant of a cluster must use the same values:
 * shares are computed independently by each, from the same reports, and only agree if the rules agree.
 *
 * @param limits           the cluster-wide limits
 * @param period           how often shares are re-divided; also the accounting granularity (default 2 s)
 * @param silentPeriods    a participant silent for more periods than this is dead (default 3)
 * @param floorPerPeriod   calls per period an idle participant is offered so it can start (default 1)
 * @param throttleFactor   what a throttle fault multiplies every pace by, cluster-wide (default 0.5)
 * @param throttleCooldown how long the reduced pace holds; it then recovers linearly over as long again (default 30 s)
 * @param maxWait          how long a caller waits for a permit before {@code Throttled} (default 30 s)
 */
public record BudgetSettings(BudgetLimits limits, Duration period, int silentPeriods, int floorPerPeriod,
                             double throttleFactor, Duration throttleCooldown, Duration maxWait) {

    public BudgetSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(throttleCooldown, "throttleCooldown");
        Objects.requireNonNull(maxWait, "maxWait");
        if (period.toMillis() < 100 || Duration.ofMinutes(1).toMillis() % period.toMillis() != 0) {
            throw new IllegalArgumentException("The budget period must be at least 100 ms and divide a minute: " + period);
        }
        if (silentPeriods < 1 || floorPerPeriod < 0 || throttleFactor <= 0 || throttleFactor > 1) {
            throw new IllegalArgumentException("silentPeriods >= 1, floorPerPeriod >= 0, 0 < throttleFactor <= 1");
        }
    }

    /** The defaults above for these limits. */
    public static BudgetSettings of(BudgetLimits limits) {
        return new BudgetSettings(limits, Duration.ofSeconds(2), 3, 1, 0.5, Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    public BudgetSettings withThrottleCooldown(Duration cooldown) {
        return new BudgetSettings(limits, period, silentPeriods, floorPerPeriod, throttleFactor, cooldown, maxWait);
    }

    public BudgetSettings withMaxWait(Duration wait) {
        return new BudgetSettings(limits, period, silentPeriods, floorPerPeriod, throttleFactor, throttleCooldown, wait);
    }

    long periodMillis() {
        return period.toMillis();
    }

    /** Periods in a window of this many milliseconds (the day and hour are whole multiples of any valid period). */
    int periodsIn(Duration window) {
        return (int) (window.toMillis() / period.toMillis());
    }
}
