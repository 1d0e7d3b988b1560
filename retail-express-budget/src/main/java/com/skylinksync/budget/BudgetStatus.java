package com.skylinksync.budget;

import java.util.Set;

/**
 * A participant's view of the budget now, for metrics and health.
 *
 * @param participantId  this participant
 * @param slot           the current period
 * @param grants         what this participant may spend in it
 * @param live           the participants sharing the budget, as of the latest division
 * @param throttleFactor the pace multiplier after a throttle fault (1 when none is in force)
 * @param waiting        callers waiting for a permit
 * @param fenced         true while this participant cannot see its own reports come back (it then makes no calls)
 * @param calls          calls made since start
 * @param throttleFaults throttle faults RE answered this participant since start
 */
public record BudgetStatus(String participantId, long slot, Grants grants, Set<String> live, double throttleFactor,
                           int waiting, boolean fenced, long calls, long throttleFaults) {
}
