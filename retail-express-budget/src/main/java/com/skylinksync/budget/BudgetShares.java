package com.skylinksync.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Divides the cluster budget for one period among the live participants. A pure, deterministic function of the
 * settings and the reports, so every participant computes the same shares for everyone without a leader.
 *
 * <p><b>Cumulative windows (minute, hour, day).</b> Time is cut into periods aligned to the epoch (slot
 * {@code k} = epoch ms / period). The grant for slot {@code k+1} is computed during slot {@code k} from reports about
 * slot {@code k-1} and earlier. A sliding window of RE that ends inside slot {@code k+1} covers at most the
 * {@code n+1} slots {@code k+1-n .. k+1} ({@code n} = periods per window). The calls in slots {@code k-n .. k-1} are
 * known (each participant reports what it spent in the last {@code n} slots), slot {@code k} is bounded by the grants
 * already given for it, so the cluster grant for {@code k+1} is whatever keeps {@code spent + grants(k) + grants(k+1)}
 * within the limit. This counts one slot more than needed (conservative) and accounts for everything already spent in
 * the window, including by participants that died or left: a report keeps counting until all the calls it could
 * stand for have left the window. The minute window is also capped at its average pace per slot, so under backlog the
 * cluster runs evenly instead of in bursts and gaps: the pace is {@code limit / (n + 1)} per slot, the most that
 * keeps every {@code n + 1} consecutive slots within the limit, so any minute under backlog holds {@code n / (n + 1)}
 * of the limit (96.8 % at 2 s periods; the pace was {@code limit / (n + 2)}, 93.75 %, one slot more than the
 * accounting needs).
 * The hour and day windows are capped at the same pace (no more can be spent per slot anyway), not at their own
 * averages, so a quiet cluster may run at the minute's pace until the hour or day is used up.
 *
 * <p><b>Second window.</b> Each participant is paced (one permit per {@code 1/rate} seconds, no permit saved up,
 * a new pacer starting without one), so in any second it makes at most {@code floor(rate) + 2} calls (one at each
 * edge); in a second across a slot boundary where its pace changes, at most {@code floor(a * old + b * new) + 2}
 * ({@code a + b = 1}). Calls are whole, so the cluster makes at most {@code 2 * paced + floor(sum of the mixed rates)}
 * in any second, and the mixed rates sum to at most the larger of the two slots' totals. Hence the rule: a slot's
 * rates sum to less than {@code limit - 2 * (paced + left) + 1}, where {@code left} counts the participants that may
 * have been paced in the slot before but are not in this one (they still have their edges in the second across the
 * boundary). The older rule, rates summing to {@code limit - 2 * paced}, left most of a call per participant unused
 * (it held three replicas to 19 of RE's 25 calls/s, below the minute's 20/s). When there are more participants than
 * a third of the limit, they take turns by slot (the others get nothing that slot), so the edges never eat the whole
 * second.
 *
 * <p><b>Division by demand.</b> Max-min fair ("water-filling"): a participant whose callers had to wait is starved and
 * takes any amount; the others need what they used plus what is waiting, and at least the floor so an idle
 * participant can start. Whole calls that do not divide evenly go to those later in the (need, id) order, the ids
 * rotated by slot so that over time no one is always short.
 *
 * <p><b>Silence.</b> A participant silent for up to {@code silentPeriods} keeps its last grant reserved (it may still
 * be calling); after that it is dead and gets nothing (it fences itself at the same point, see {@link ApiBudget}).
 *
 * <p><b>Throttle.</b> After the latest throttle fault any participant reported, every pace (the minute cap and the
 * second window) is multiplied by {@code throttleFactor} for {@code throttleCooldown}, then recovers linearly over
 * the same time. A lower factor never raises any share, so a participant that learns of a throttle first may apply
 * it at once.
 */
final class BudgetShares {

    private static final long UNLIMITED_NEED = Long.MAX_VALUE / 4;
    /** Keeps a slot's rates strictly below the whole number the second window allows (any margin above 0 does). */
    static final double RATE_MARGIN = 1e-3;

    private final BudgetSettings settings;
    private final int minuteSlots;
    private final int hourSlots;
    private final int daySlots;

    BudgetShares(BudgetSettings settings) {
        this.settings = settings;
        this.minuteSlots = settings.periodsIn(Duration.ofMinutes(1));
        this.hourSlots = settings.periodsIn(Duration.ofHours(1));
        this.daySlots = settings.periodsIn(Duration.ofDays(1));
    }

    /** The shares of slot {@code slot}, from each participant's latest report about slot {@code slot - 2} or earlier. */
    Allocation allocate(long slot, Collection<ParticipantReport> reports, long latestThrottleAt) {
        return allocate(slot, reports, latestThrottleAt, Map.of());
    }

    /**
     * As {@link #allocate(long, Collection, long)}, keeping RE's second within its limit for calls that arrive late
     * across the boundary: {@code previous} is every participant's grants for {@code slot - 1} (the allocation of
     * that slot; empty if unknown, which {@link Division} handles for itself).
     */
    Allocation allocate(long slot, Collection<ParticipantReport> reports, long latestThrottleAt,
                        Map<String, Grants> previous) {
        long reported = slot - 2; // the newest slot whose reports every participant has by now
        double factor = throttleFactor(slot * settings.periodMillis(), latestThrottleAt);
        Map<String, ParticipantReport> fresh = new TreeMap<>();
        Map<String, ParticipantReport> silent = new TreeMap<>();
        for (ParticipantReport report : reports) {
            long silence = reported - report.slot();
            if (report.leaving() || silence > settings.silentPeriods()) {
                continue;
            }
            (silence <= 0 ? fresh : silent).put(report.participantId(), report);
        }
        int live = fresh.size() + silent.size();
        Map<String, Grants> grants = new LinkedHashMap<>();
        silent.forEach((id, report) -> grants.put(id, report.nextGrants()));

        // The cluster's pace: the minute's limit spread evenly over the n + 1 slots a sliding minute can touch,
        // dithered between whole numbers so it averages exactly that, and any n + 1 consecutive slots sum to at most
        // the limit. No window can be spent faster (the cap on every grant).
        double perSlot = factor * settings.limits().perMinute() / (minuteSlots + 1.0);
        long pace = (long) (Math.floor((slot + 1) * perSlot) - Math.floor(slot * perSlot));
        // Paced participants make up to floor(rate) + 2 calls in a second; if there are too many for that, they take
        // turns.
        int pacedMax = Math.max(1, (int) Math.floor(factor * settings.limits().perSecond() / 3.0));
        List<String> turn = new ArrayList<>(fresh.keySet());
        int slotsOfSilent = (int) silent.values().stream().filter(r -> r.nextGrants().perSecond() > 0).count();
        int freshPaced = Math.max(0, Math.min(turn.size(), pacedMax - slotsOfSilent));
        if (freshPaced < turn.size()) {
            java.util.Collections.rotate(turn, (int) -Math.floorMod(slot, (long) turn.size()));
            for (String waiting : turn.subList(freshPaced, turn.size())) {
                grants.put(waiting, Grants.NONE);
                fresh.remove(waiting);
            }
        }
        int paced = freshPaced + slotsOfSilent;
        int left = pacedBeforeNotNow(slot, reports, reported, fresh.keySet(), silent);
        double secondBudget = Math.floor(factor * settings.limits().perSecond()) - 2.0 * (paced + left) + 1
                - RATE_MARGIN;
        LimitsLeft remaining = new LimitsLeft(Math.max(0, secondBudget),
                Math.min(pace, room(slot, reports, minuteSlots, settings.limits().perMinute(),
                        ParticipantReport::spentMinute, Grants::minute)),
                Math.min(pace, room(slot, reports, hourSlots, settings.limits().perHour(),
                        ParticipantReport::spentHour, Grants::hour)),
                Math.min(pace, room(slot, reports, daySlots, settings.limits().perDay(),
                        ParticipantReport::spentDay, Grants::day)));
        for (Grants reserved : grants.values()) {
            remaining = remaining.minus(reserved);
        }

        // Whole calls that do not divide evenly go to different participants slot by slot, so equal demand gets
        // equal shares over time (not always the same one short).
        List<String> ids = new ArrayList<>(fresh.keySet());
        if (!ids.isEmpty()) {
            java.util.Collections.rotate(ids, (int) -Math.floorMod(slot, (long) ids.size()));
        }
        long[] needs = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            ParticipantReport report = fresh.get(ids.get(i));
            needs[i] = report.starved() ? UNLIMITED_NEED
                    : Math.max(settings.floorPerPeriod(), (long) report.used() + report.waiting() + 1);
        }
        long[] minute = waterFill(remaining.minute(), needs);
        long[] hour = waterFill(remaining.hour(), needs);
        long[] day = waterFill(remaining.day(), needs);
        double[] second = waterFill(remaining.perSecond(), needs, 1000.0 / settings.periodMillis());
        keepInReach(second, ids, silent.keySet(), grants, previous, factor);
        for (int i = 0; i < ids.size(); i++) {
            grants.put(ids.get(i), new Grants(second[i], (int) minute[i], (int) hour[i], (int) day[i]));
        }
        return new Allocation(slot, grants, factor, new TreeSet<>(grants.keySet()));
    }

    /**
     * Calls in reach across the boundary. A participant's calls that RE may count in one second are capped at
     * {@link #reachCap} of its pace (see {@code CallsInReach}); a call permitted before the boundary but delivered
     * after it still counts against the cap it was permitted under, while the others already call under their new
     * caps. So a second across the boundary may hold each participant's larger cap of the two slots, and the
     * {@code max(before, after)} must sum within the second's limit: a cap may rise only into the room the caps
     * before leave, given in the rotated id order (the reserved grants of silent participants first, as they are
     * not recomputed), and a rate whose cap would rise further is lowered to the cap it got. Without this, shares
     * shifting between participants at a boundary (a join, a rotation, demand) could let late calls under the old
     * caps and fresh calls under the new ones land in one second at RE.
     */
    private void keepInReach(double[] second, List<String> ids, Set<String> silentIds, Map<String, Grants> grants,
                             Map<String, Grants> previous, double factor) {
        long room = (long) Math.floor(factor * settings.limits().perSecond());
        for (Grants before : previous.values()) {
            room -= reachCap(before.perSecond());
        }
        for (String id : silentIds) {
            long before = reachCap(previous.getOrDefault(id, Grants.NONE).perSecond());
            room -= Math.max(0, reachCap(grants.get(id).perSecond()) - before);
        }
        for (int i = 0; i < ids.size(); i++) {
            long before = reachCap(previous.getOrDefault(ids.get(i), Grants.NONE).perSecond());
            long after = reachCap(second[i]);
            if (after > before) {
                long rise = Math.max(0, Math.min(after - before, room));
                room -= rise;
                if (before + rise < after) {
                    second[i] = rateForReachCap(before + rise);
                }
            }
        }
    }

    /**
     * The most calls of a participant paced at {@code rate} that may be in reach of RE's current second: what the
     * pace allows in any second by permit time, {@code floor(rate) + 2}; none if not paced.
     */
    static int reachCap(double rate) {
        return rate > 0 ? (int) Math.floor(rate) + 2 : 0;
    }

    /** The fastest pace whose {@link #reachCap} is at most {@code cap}. */
    static double rateForReachCap(long cap) {
        return cap >= 2 ? cap - 1 - RATE_MARGIN : 0;
    }

    /**
     * How many participants may have been paced in the slot before {@code slot} but are not paced in it: in the
     * second across the boundary they still have their edge calls. From the reports alone, so every participant
     * counts the same: a fresh report carries its grant for the slot before; one silent for a single period was
     * divided as fresh then (so may have been paced whatever its report says); one just declared dead was reserved
     * its last grant then; one that left within the last second may have been calling until it left.
     */
    private int pacedBeforeNotNow(long slot, Collection<ParticipantReport> reports, long reported,
                                  Set<String> pacedFresh, Map<String, ParticipantReport> silent) {
        int count = 0;
        for (ParticipantReport report : reports) {
            long silence = reported - report.slot();
            boolean pacedBefore;
            if (report.leaving()) {
                pacedBefore = report.publishedAt() > slot * settings.periodMillis() - 1_000;
            } else if (silence <= 0) {
                pacedBefore = !pacedFresh.contains(report.participantId()) && report.nextGrants().perSecond() > 0;
            } else if (silence <= settings.silentPeriods()) {
                pacedBefore = silence == 1 && !(silent.get(report.participantId()).nextGrants().perSecond() > 0);
            } else {
                pacedBefore = silence == settings.silentPeriods() + 1L && report.nextGrants().perSecond() > 0;
            }
            if (pacedBefore) {
                count++;
            }
        }
        return count;
    }

    /** The pace multiplier in force at {@code atMillis} after a throttle fault at {@code throttledAt} (0: never). */
    double throttleFactor(long atMillis, long throttledAt) {
        if (throttledAt <= 0) {
            return 1.0;
        }
        long since = atMillis - throttledAt;
        long cooldown = settings.throttleCooldown().toMillis();
        if (since < cooldown) {
            return settings.throttleFactor();
        }
        if (since < 2 * cooldown) {
            return settings.throttleFactor() + (1 - settings.throttleFactor()) * (since - cooldown) / (double) cooldown;
        }
        return 1.0;
    }

    /**
     * Calls the cluster may still make in {@code slot} by one cumulative window: the limit less everything that may
     * have been spent in slots {@code slot - n .. slot - 1}, as reported plus each report's grant for every slot
     * after it that it has not reported on yet.
     */
    private long room(long slot, Collection<ParticipantReport> reports, int slots, int limit,
                      ToLongFunction<ParticipantReport> spentOf, ToIntFunction<Grants> grantOf) {
        long spent = 0;
        for (ParticipantReport report : reports) {
            long unreported = Math.max(0, Math.min(slot - 1 - report.slot(), settings.silentPeriods() + 1L));
            long lastPossible = report.slot() + unreported;
            if (lastPossible < slot - slots) {
                continue; // every call it stands for has left the window
            }
            // Per-period detail where the report has it (the minute), so a departed participant's calls age out
            // period by period instead of counting whole until the last of them has left the window.
            Long detailed = slots == minuteSlots ? report.usedSince(slot - slots) : null;
            spent += (detailed != null ? detailed : spentOf.applyAsLong(report))
                    + unreported * grantOf.applyAsInt(report.nextGrants());
        }
        return Math.max(0, limit - spent);
    }

    /** Max-min fair division of {@code total} whole calls; leftovers one each in id order to those still wanting. */
    static long[] waterFill(long total, long[] needs) {
        long[] shares = new long[needs.length];
        Integer[] order = new Integer[needs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> needs[i]).thenComparingInt(i -> i));
        long remaining = Math.max(0, total);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            long give = Math.min(needs[i], remaining / (order.length - k));
            shares[i] = give;
            remaining -= give;
        }
        for (int i = 0; i < shares.length && remaining > 0; i++) {
            if (shares[i] < needs[i]) {
                shares[i]++;
                remaining--;
            }
        }
        return shares;
    }

    /** The same for a pace: {@code needs} in calls per period, converted with {@code periodsPerSecond}. */
    static double[] waterFill(double total, long[] needs, double periodsPerSecond) {
        double[] shares = new double[needs.length];
        Integer[] order = new Integer[needs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> needs[i]).thenComparingInt(i -> i));
        double remaining = Math.max(0, total);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            double need = needs[i] >= UNLIMITED_NEED ? Double.MAX_VALUE : needs[i] * periodsPerSecond;
            double give = Math.min(need, remaining / (order.length - k));
            shares[i] = give;
            remaining -= give;
        }
        return shares;
    }

    /** What is left of each window for the fresh participants once silent ones' reserved grants are taken out. */
    private record LimitsLeft(double perSecond, long minute, long hour, long day) {
        LimitsLeft minus(Grants g) {
            return new LimitsLeft(Math.max(0, perSecond - g.perSecond()), Math.max(0, minute - g.minute()),
                    Math.max(0, hour - g.hour()), Math.max(0, day - g.day()));
        }
    }

    /**
     * The shares of one slot.
     *
     * @param slot   the slot they are for
     * @param grants every live participant's grants
     * @param factor the throttle pace multiplier applied
     * @param live   the live participants' ids
     */
    record Allocation(long slot, Map<String, Grants> grants, double factor, Set<String> live) {

        Grants of(String participantId) {
            return grants.getOrDefault(participantId, Grants.NONE);
        }
    }
}
