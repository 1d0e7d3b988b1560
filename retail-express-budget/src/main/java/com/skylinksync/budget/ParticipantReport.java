package com.skylinksync.budget;

import java.util.List;

/**
 * A participant's account of one budget period, as read from the budget topic (the {@code BudgetReport} event).
 *
 * @param participantId unique per process run
 * @param slot          the period reported on (epoch ms / period length)
 * @param publishedAt   epoch ms when it was written
 * @param waiting       callers waiting for a permit when written
 * @param starved       some caller had to wait during the period
 * @param used          calls made during the period
 * @param spentMinute   calls made in the minute of periods up to and including {@code slot}
 * @param recentUsed    calls made in each period of that minute, oldest first, the last being {@code slot}
 * @param spentHour     the same for the hour
 * @param spentDay      the same for the day
 * @param nextGrants    what the participant may spend in the period after {@code slot}
 * @param throttledAt   epoch ms of the last throttle fault RE answered it; 0 if none
 * @param leaving       it has stopped calling
 */
record ParticipantReport(String participantId, long slot, long publishedAt, int waiting, boolean starved,
                                int used, long spentMinute, List<Integer> recentUsed, long spentHour, long spentDay, Grants nextGrants,
                                long throttledAt, boolean leaving) {

    public ParticipantReport {
        recentUsed = List.copyOf(recentUsed);
    }

    /** The same report, telling of a throttle fault RE answered at {@code at} (epoch ms). */
    ParticipantReport withThrottledAt(long at) {
        return new ParticipantReport(participantId, slot, publishedAt, waiting, starved, used, spentMinute, recentUsed,
                spentHour, spentDay, nextGrants, at, leaving);
    }

    /** Calls made in slots {@code from .. slot}, or null if this report does not go back that far. */
    Long usedSince(long from) {
        long oldest = slot - recentUsed.size() + 1;
        if (from < oldest) {
            return null;
        }
        long sum = 0;
        for (int i = (int) (from - oldest); i < recentUsed.size(); i++) {
            sum += recentUsed.get(i);
        }
        return sum;
    }
}
