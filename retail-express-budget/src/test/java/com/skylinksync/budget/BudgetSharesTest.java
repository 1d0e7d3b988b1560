package com.skylinksync.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The share computation run as a whole cluster would run it, slot by slot, without Kafka or clocks: every
 * participant reports about the previous slot, every share is computed from those reports, every participant spends
 * what its demand and grant allow. The cluster's spend is checked against every window after every slot.
 */
class BudgetSharesTest {

    private static final int BACKLOG = Integer.MAX_VALUE;
    private static final BudgetSettings SETTINGS = BudgetSettings.of(new BudgetLimits(20, 300, 30_000, 150_000));

    @Test
    void threeParticipantsInBacklogUseOverNinetyPercentOfTheMinuteAndNeverExceedIt() {
        Cluster cluster = new Cluster(SETTINGS);
        cluster.join("a", s -> BACKLOG);
        cluster.join("b", s -> BACKLOG);
        cluster.join("c", s -> BACKLOG);

        cluster.run(120);

        // any 30 consecutive slots (60 s) after the first minute
        for (int start = 30; start + 30 <= 120; start++) {
            assertThat(cluster.clusterSpend(start, 30)).as("minute from slot %d", start).isBetween(270L, 300L);
        }
        assertThat(cluster.spend("a", 60, 30)).isBetween(90L, 100L);
    }

    @Test
    void theOthersTakeUpTheShareOfOneThatLeavesWithinTwoPeriods() {
        Cluster cluster = new Cluster(SETTINGS);
        cluster.join("a", s -> BACKLOG);
        cluster.join("b", s -> BACKLOG);
        cluster.join("c", s -> BACKLOG);
        cluster.run(60);

        cluster.leave("c");
        cluster.run(10);

        long before = cluster.spend("a", 50, 5) + cluster.spend("b", 50, 5);
        long after = cluster.spend("a", 63, 5) + cluster.spend("b", 63, 5);
        assertThat(after).isGreaterThanOrEqualTo(45L); // the cluster's 9-10 calls per slot, now all theirs
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aCrashedParticipantsShareIsFreedAfterItsSilenceAndItsSpendStillCounts() {
        Cluster cluster = new Cluster(SETTINGS);
        cluster.join("a", s -> BACKLOG);
        cluster.join("b", s -> BACKLOG);
        cluster.run(40);

        cluster.crash("b");
        cluster.run(10);

        // b stood for half the cluster; a holds it all within silentPeriods + 2 slots (10 s)
        assertThat(cluster.spend("a", 45, 5)).isGreaterThanOrEqualTo(45L);
    }

    @Test
    void aThrottleHalvesEveryonesPaceThenRecovers() {
        BudgetSettings settings = SETTINGS.withThrottleCooldown(Duration.ofSeconds(20));
        Cluster cluster = new Cluster(settings);
        cluster.join("a", s -> BACKLOG);
        cluster.join("b", s -> BACKLOG);
        cluster.join("c", s -> BACKLOG);
        cluster.run(60);

        cluster.throttle("b");
        cluster.run(40);

        for (String id : List.of("a", "b", "c")) {
            long before = cluster.spend(id, 50, 8);
            long during = cluster.spend(id, 63, 8);
            assertThat(during).as(id).isLessThanOrEqualTo(before * 6 / 10);
        }
        assertThat(cluster.clusterSpend(94, 5)).isGreaterThanOrEqualTo(45L); // recovered after two cooldowns
    }

    @Test
    void theHourWindowBindsWhenTheMinuteWouldAllowMore() {
        Cluster cluster = new Cluster(BudgetSettings.of(new BudgetLimits(20, 300, 1_000, 150_000)));
        cluster.join("a", s -> BACKLOG);
        cluster.join("b", s -> BACKLOG);

        cluster.run(400); // 800 s: the hour's 1,000 calls are spent in under 4 minutes, then nothing is left

        assertThat(cluster.clusterSpend(0, 400)).isBetween(950L, 1_000L);
    }

    @Test
    void randomDemandJoinsLeavesCrashesAndThrottlesNeverExceedAnyWindow() {
        Random random = new Random(42);
        BudgetSettings settings = BudgetSettings.of(new BudgetLimits(20, 300, 2_000, 150_000))
                .withThrottleCooldown(Duration.ofSeconds(10));
        Cluster cluster = new Cluster(settings);
        int next = 0;
        for (int slot = 0; slot < 2_000; slot++) {
            int roll = random.nextInt(100);
            if (roll < 4 || cluster.active().isEmpty()) {
                int burst = random.nextInt(12);
                int seed = random.nextInt();
                cluster.join("p" + next++, s -> (s ^ seed) % 7 < 3 ? burst : BACKLOG);
            } else if (roll < 6) {
                cluster.leave(cluster.active().get(random.nextInt(cluster.active().size())));
            } else if (roll < 8) {
                cluster.crash(cluster.active().get(random.nextInt(cluster.active().size())));
            } else if (roll < 9) {
                cluster.throttle(cluster.active().get(random.nextInt(cluster.active().size())));
            }
            cluster.run(1); // checks every window after every slot
        }
        assertThat(cluster.clusterSpend(0, 2_000)).isGreaterThan(0);
    }

    /**
     * Calls delivered late count at RE under the cap they were permitted under, beside the others' calls under their
     * new caps: across every boundary, through joins into a full cluster, leaves, crashes, shifting demand and
     * throttles, every participant's larger cap of the two slots must sum within the second (checked every slot).
     */
    @Test
    void callsInReachAcrossEveryBoundaryStayWithinTheSecondThroughJoinsLeavesCrashesAndThrottles() {
        Random random = new Random(7);
        BudgetSettings settings = BudgetSettings.of(new BudgetLimits(25, 1_200, 30_000, 150_000))
                .withThrottleCooldown(Duration.ofSeconds(10));
        Cluster cluster = new Cluster(settings).withCallsInReach();
        int next = 0;
        for (int slot = 0; slot < 2_000; slot++) {
            int roll = random.nextInt(100);
            if (roll < 5 || cluster.active().size() < 2) {
                int burst = random.nextInt(12);
                int seed = random.nextInt();
                cluster.join("p" + next++, s -> (s ^ seed) % 5 < 2 ? burst : BACKLOG);
            } else if (roll < 7) {
                cluster.leave(cluster.active().get(random.nextInt(cluster.active().size())));
            } else if (roll < 9) {
                cluster.crash(cluster.active().get(random.nextInt(cluster.active().size())));
            } else if (roll < 10) {
                cluster.throttle(cluster.active().get(random.nextInt(cluster.active().size())));
            }
            cluster.run(1);
        }
        assertThat(cluster.reachRises()).as("boundaries where a cap rose").isPositive();
    }

    @Test
    void aParticipantJoiningAFullSecondGetsItsCapOnlyAsTheOthersCapsMakeRoom() {
        BudgetSettings settings = BudgetSettings.of(BudgetLimits.retailExpress());
        Cluster cluster = new Cluster(settings).withCallsInReach();
        cluster.join("a", s -> BACKLOG);
        cluster.join("b", s -> BACKLOG);
        cluster.run(10);
        assertThat(cluster.grantOf("a").perSecond()).as("two participants' pace").isGreaterThan(10);

        cluster.join("c", s -> BACKLOG);
        cluster.run(6);

        // a and b were at cap 12 each (24 of 25): c starts at the one call left, and has its full cap a slot later
        assertThat(cluster.grantOf("c").perSecond()).isGreaterThan(6);
        assertThat(cluster.spend("c", 13, 3)).isPositive();
    }

    @Test
    void waterFillingGivesTheModestWhatTheyNeedAndSplitsTheRestEvenly() {
        long[] shares = BudgetShares.waterFill(10, new long[] {1, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4});
        assertThat(shares).containsExactly(1, 4, 5);
        assertThat(BudgetShares.waterFill(2, new long[] {5, 5, 5})).containsExactly(0, 1, 1);
    }

    /** A whole cluster at slot granularity: participants, their reports, their spend, and the invariant checks. */
    private static final class Cluster {
        private final BudgetSettings settings;
        private final BudgetShares shares;
        private final int minute;
        private final int hour;
        private final Map<String, Participant> participants = new HashMap<>();
        private final Map<String, ParticipantReport> reports = new HashMap<>();
        private final List<Long> clusterBySlot = new ArrayList<>();
        private long slot;
        private long throttledAt;
        private boolean callsInReach;
        private Map<String, Grants> allocated = Map.of();
        private int reachRises;

        Cluster(BudgetSettings settings) {
            this.settings = settings;
            this.shares = new BudgetShares(settings);
            this.minute = settings.periodsIn(Duration.ofMinutes(1));
            this.hour = settings.periodsIn(Duration.ofHours(1));
        }

        /** Divides as {@link Division} does, with the slot before's allocation, and checks the calls in reach. */
        Cluster withCallsInReach() {
            callsInReach = true;
            return this;
        }

        int reachRises() {
            return reachRises;
        }

        Grants grantOf(String id) {
            return participants.get(id).grant(slot);
        }

        void join(String id, IntUnaryOperator demand) {
            participants.put(id, new Participant(id, demand, new SpendLedger(settings.periodsIn(Duration.ofDays(1)))));
        }

        List<String> active() {
            return participants.values().stream().filter(p -> !p.gone).map(p -> p.id).sorted().toList();
        }

        void leave(String id) {
            Participant p = participants.get(id);
            p.gone = true;
            reports.put(id, p.report(slot - 1, Grants.NONE, true, minute, hour));
        }

        void crash(String id) {
            participants.get(id).gone = true; // no further report, no further calls
        }

        void throttle(String id) {
            throttledAt = slot * settings.periodMillis();
        }

        void run(int slots) {
            for (int i = 0; i < slots; i++, slot++) {
                // at the start of the slot: everyone reports on the last one (with its grant for this one)
                for (Participant p : participants.values()) {
                    if (!p.gone) {
                        reports.put(p.id, p.report(slot - 1, p.grant(slot), false, minute, hour));
                    }
                }
                // during the slot: everyone computes the shares of the next one
                BudgetShares.Allocation next = callsInReach
                        ? shares.allocate(slot + 1, reports.values(), throttledAt, allocated)
                        : shares.allocate(slot + 1, reports.values(), throttledAt);
                if (callsInReach) {
                    checkCallsInReach(allocated, next.grants());
                    allocated = next.grants();
                }
                // and spends this slot's grant
                long total = 0;
                Map<String, Double> paceNow = new HashMap<>();
                Map<String, Double> paceNext = new HashMap<>();
                for (Participant p : participants.values()) {
                    if (!p.gone) {
                        total += p.spend(slot);
                        paceNow.put(p.id, p.grant(slot).perSecond());
                        paceNext.put(p.id, next.of(p.id).perSecond());
                    }
                    p.grants.put(slot + 1, next.of(p.id));
                }
                checkSecondWindow(paceNow, paceNext);
                clusterBySlot.add(total);
                checkWindows();
            }
        }

        /**
         * The most calls paced participants can make in any second of the next slot, or of the second across the
         * boundary: each at most {@code floor(a * now + b * next) + 2} ({@code a + b = 1}; a participant not paced
         * now starts without a permit, so it has no edges in that second), all whole calls.
         */
        private void checkSecondWindow(Map<String, Double> paceNow, Map<String, Double> paceNext) {
            int limit = settings.limits().perSecond();
            long steady = 0;
            for (double rate : paceNext.values()) {
                steady += rate > 0 ? (long) Math.floor(rate) + 2 : 0;
            }
            assertThat(steady).as("calls in a second of slot %d", slot + 1).isLessThanOrEqualTo(limit);
            for (int step = 0; step <= 100; step++) {
                double a = step / 100.0;
                long across = 0;
                for (Map.Entry<String, Double> now : paceNow.entrySet()) {
                    double later = paceNext.getOrDefault(now.getKey(), 0.0);
                    double mixed = a * now.getValue() + (1 - a) * later;
                    across += (long) Math.floor(mixed) + (now.getValue() > 0 ? 2 : 0);
                }
                assertThat(across).as("calls in a second across the start of slot %d", slot + 1)
                        .isLessThanOrEqualTo(limit);
            }
        }

        /** In a second across the start of slot + 1 each participant's calls may be in reach under either cap. */
        private void checkCallsInReach(Map<String, Grants> now, Map<String, Grants> next) {
            long across = 0;
            for (String id : participants.keySet()) {
                int before = BudgetShares.reachCap(now.getOrDefault(id, Grants.NONE).perSecond());
                int after = BudgetShares.reachCap(next.getOrDefault(id, Grants.NONE).perSecond());
                across += Math.max(before, after);
                if (after > before) {
                    reachRises++;
                }
            }
            assertThat(across).as("calls in reach in a second across the start of slot %d", slot + 1)
                    .isLessThanOrEqualTo(settings.limits().perSecond());
        }

        private void checkWindows() {
            int last = clusterBySlot.size() - 1;
            // a sliding window of RE ending in this slot covers at most n + 1 slots
            assertThat(clusterSpend(Math.max(0, last - minute), minute + 1)).as("minute to slot %d", last)
                    .isLessThanOrEqualTo(settings.limits().perMinute());
            assertThat(clusterSpend(Math.max(0, last - hour), hour + 1)).as("hour to slot %d", last)
                    .isLessThanOrEqualTo(settings.limits().perHour());
            assertThat(clusterSpend(0, last + 1)).isLessThanOrEqualTo(settings.limits().perDay());
        }

        long clusterSpend(int from, int slots) {
            long sum = 0;
            for (int s = from; s < Math.min(clusterBySlot.size(), from + slots); s++) {
                sum += clusterBySlot.get(s);
            }
            return sum;
        }

        long spend(String id, int from, int slots) {
            return participants.get(id).ledger.spent(from + slots - 1, slots);
        }
    }

    private static final class Participant {
        final String id;
        final IntUnaryOperator demand;
        final SpendLedger ledger;
        final Map<Long, Grants> grants = new HashMap<>();
        final Map<Long, Boolean> starved = new HashMap<>();
        boolean gone;

        Participant(String id, IntUnaryOperator demand, SpendLedger ledger) {
            this.id = id;
            this.demand = demand;
            this.ledger = ledger;
        }

        Grants grant(long slot) {
            return grants.getOrDefault(slot, Grants.NONE);
        }

        long spend(long slot) {
            int wanted = demand.applyAsInt((int) slot);
            // the second window's pace also bounds a slot: rate * period seconds
            long paced = (long) Math.floor(grant(slot).perSecond() * 2.0) + 1;
            long calls = Math.min(Math.min(grant(slot).calls(), paced), wanted);
            for (long c = 0; c < calls; c++) {
                ledger.record(slot);
            }
            starved.put(slot, wanted > calls);
            return calls;
        }

        ParticipantReport report(long slot, Grants next, boolean leaving, int minute, int hour) {
            return new ParticipantReport(id, slot, 0, 0, starved.getOrDefault(slot, true), ledger.used(slot),
                    ledger.spent(slot, minute), ledger.recent(slot, minute), ledger.spent(slot, hour), ledger.spent(slot, 43_200), next, 0, leaving);
        }
    }
}
