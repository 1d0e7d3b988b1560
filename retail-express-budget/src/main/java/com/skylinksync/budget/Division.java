package com.skylinksync.budget;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This participant's grants, period by period: each period's shares computed with {@link BudgetShares} from the
 * reports {@link ReportBook#selectFor selected} for it, this participant's own taken out.
 */
final class Division {

    private final String participantId;
    private final BudgetShares shares;
    private final ReportBook reports;
    private final PeriodClock clock;
    private final Map<Long, Grants> grantsBySlot = new ConcurrentHashMap<>();
    /** Everyone's grants by slot, as first divided: the slot before's caps bound the next's (late calls). */
    private final Map<Long, Map<String, Grants>> everyoneBySlot = new ConcurrentHashMap<>();
    private volatile BudgetShares.Allocation latest;

    Division(String participantId, BudgetShares shares, ReportBook reports, PeriodClock clock) {
        this.participantId = participantId;
        this.shares = shares;
        this.reports = reports;
        this.clock = clock;
    }

    /** What this participant may spend in {@code slot}; none if that period was not divided. */
    Grants of(long slot) {
        return grantsBySlot.getOrDefault(slot, Grants.NONE);
    }

    /**
     * Divides {@code slot} among the participants and returns this one's grants for it: none if it is
     * {@code excluded} (fenced or closing). A recomputation (after a throttle) only ever lowers them.
     */
    synchronized Grants divide(long slot, long latestThrottleAt, boolean excluded) {
        Map<String, Grants> before = everyoneBySlot.get(slot - 1);
        BudgetShares.Allocation allocation = shares.allocate(slot,
                reports.selectFor(slot, clock.quarterOf(slot - 1)), latestThrottleAt,
                before == null ? Map.of() : before);
        Grants mine = excluded ? Grants.NONE : allocation.of(participantId);
        if (before == null) {
            // The slot before was not divided here (just joined): the others' caps for it are unknown, so this one's
            // may not rise above its own of then (none if it had no grant), which is at most what the others allowed.
            mine = withReachCapAtMost(mine, BudgetShares.reachCap(of(slot - 1).perSecond()));
        }
        everyoneBySlot.putIfAbsent(slot, allocation.grants());
        Grants previous = grantsBySlot.get(slot);
        if (previous != null && previous.calls() < mine.calls()) {
            mine = previous;
        }
        grantsBySlot.put(slot, mine);
        latest = allocation;
        return mine;
    }

    /** The participants sharing the budget, as of the latest division. */
    Set<String> live() {
        BudgetShares.Allocation allocation = latest;
        return allocation == null ? Set.of() : allocation.live();
    }

    /** Forgets the grants of periods before {@code slot}. */
    void forgetBefore(long slot) {
        grantsBySlot.keySet().removeIf(s -> s < slot);
        everyoneBySlot.keySet().removeIf(s -> s < slot);
    }

    private static Grants withReachCapAtMost(Grants grants, int cap) {
        return BudgetShares.reachCap(grants.perSecond()) <= cap ? grants
                : new Grants(BudgetShares.rateForReachCap(cap), grants.minute(), grants.hour(), grants.day());
    }
}
