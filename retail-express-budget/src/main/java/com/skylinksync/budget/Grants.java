package com.skylinksync.budget;

/**
 * What one participant may spend in one budget period: a pace for the second window, and a number of calls for the
 * period by each of the cumulative windows (the least of them binds).
 *
 * @param perSecond calls per second (the second window is paced, not counted per period)
 * @param minute    calls in the period by the minute window's share
 * @param hour      calls in the period by the hour window's share
 * @param day       calls in the period by the day window's share
 */
public record Grants(double perSecond, int minute, int hour, int day) {

    public static final Grants NONE = new Grants(0, 0, 0, 0);

    /** Calls this participant may make in the period: the binding window's grant. */
    public int calls() {
        return Math.min(minute, Math.min(hour, day));
    }
}
