package com.skylinksync.sandbox.retailexpress;

import java.time.Duration;
import java.util.List;

/**
 * The API budget the simulator enforces per client: calls allowed in any second, minute, hour and day. RE's real
 * limits by default; tests scale them down (e.g. 20/s and 300/min) so a budget test runs in a minute.
 *
 * @param perSecond calls allowed in any 1 s
 * @param perMinute calls allowed in any 60 s
 * @param perHour   calls allowed in any 3,600 s
 * @param perDay    calls allowed in any 86,400 s
 */
public record SimulatedBudget(int perSecond, int perMinute, int perHour, int perDay) {

    public SimulatedBudget {
        if (perSecond < 1 || perMinute < 1 || perHour < 1 || perDay < 1) {
            throw new IllegalArgumentException("Every window needs a limit of at least 1: " + perSecond + "/s, "
                    + perMinute + "/min, " + perHour + "/h, " + perDay + "/day");
        }
    }

    /** What RE enforces (DESIGN section 4): 25/s, 1,200/min, 30,000/h, 150,000/day, cumulative per client. */
    public static SimulatedBudget retailExpress() {
        return new SimulatedBudget(25, 1_200, 30_000, 150_000);
    }

    /** No throttling at all: for tools and tests that are not about the budget. */
    public static SimulatedBudget unlimited() {
        return new SimulatedBudget(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** This budget with the second and minute windows replaced (the hour and day kept): the usual test shape. */
    public SimulatedBudget withPerSecondAndMinute(int second, int minute) {
        return new SimulatedBudget(second, minute, perHour, perDay);
    }

    List<Window> windows() {
        return List.of(new Window("second", Duration.ofSeconds(1), perSecond),
                new Window("minute", Duration.ofMinutes(1), perMinute),
                new Window("hour", Duration.ofHours(1), perHour),
                new Window("day", Duration.ofDays(1), perDay));
    }

    record Window(String name, Duration length, int limit) {
    }
}
