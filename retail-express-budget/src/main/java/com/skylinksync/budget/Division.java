package com.skylinksync.budget;

import java.util.HashMap;
import java.util.List;
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
    /** A grant not known: as fast as any second could be (its cap leaves no room for others to rise into). */
    private static final Grants UNKNOWN = new Grants(1_000_000, 0, 0, 0);

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
        List<ParticipantReport> selected = reports.selectFor(slot, clock.quarterOf(slot - 1));
        BudgetShares.Allocation allocation = shares.allocate(slot, selected, latestThrottleAt,
                grantsBefore(slot, selected));
        Grants mine = excluded ? Grants.NONE : allocation.of(participantId);
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

    /**
     * Everyone's grants for {@code slot - 1}, what their calls in reach across the boundary are capped by. A fresh
     * report (about {@code slot - 2}) carries its participant's grant for {@code slot - 1} exactly, the same for every
     * participant that divides (a new one too); for one silent or leaving, the fastest grant it could hold: the
     * fastest in its recent reports or in this participant's own division of {@code slot - 1}. A participant that
     * did not divide {@code slot - 1} (just joined) cannot know that grant, so it counts the whole second for it: its
     * own cap then rises no further than the others allowed it (they knew more, and gave it at least as much).
     */
    private Map<String, Grants> grantsBefore(long slot, List<ParticipantReport> selected) {
        Map<String, Grants> divided = everyoneBySlot.get(slot - 1);
        Map<String, Grants> before = new HashMap<>(divided == null ? Map.of() : divided);
        for (ParticipantReport report : selected) {
            if (report.slot() == slot - 2 && !report.leaving()) {
                before.put(report.participantId(), report.nextGrants());
            } else {
                Grants fastest = divided == null ? UNKNOWN : reports.fastestGrant(report.participantId());
                before.merge(report.participantId(), fastest, (a, b) -> a.perSecond() >= b.perSecond() ? a : b);
            }
        }
        return before;
    }
}
