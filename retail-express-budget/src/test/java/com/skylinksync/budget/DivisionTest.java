package com.skylinksync.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each participant divides for itself; across a boundary the caps of its calls in reach, each from its own
 * {@link Division}, must sum within RE's second as {@code max(before, after)}: a participant joining a full second,
 * which never divided the slot before, must not give itself more than the others left it.
 */
class DivisionTest {

    private static final BudgetSettings SETTINGS = BudgetSettings.of(BudgetLimits.retailExpress());
    private static final long K = 900_000_000L;
    private static final Grants TWO_WAY = new Grants(10.99, 20, 1_000, 1_000);

    private final ReportBook book = new ReportBook();
    private final PeriodClock clock = new PeriodClock(Clock.fixed(Instant.ofEpochMilli(K * 2_000), ZoneOffset.UTC),
            SETTINGS.period());
    private final BudgetShares shares = new BudgetShares(SETTINGS);
    private final Map<String, Division> divisions = new LinkedHashMap<>();

    @Test
    void aParticipantJoiningAFullSecondRisesOnlyIntoTheRoomTheOthersLeave() {
        Map<String, Grants> before = runningPair();
        assertThat(before.values()).as("a and b share the second").allSatisfy(g -> assertThat(g.perSecond())
                .isGreaterThan(10));
        book.add(report("c", K - 1, Grants.NONE)); // c announces itself
        Division c = new Division("c", shares, book, clock);

        Map<String, Grants> after = new LinkedHashMap<>();
        after.put("a", divisions.get("a").divide(K + 1, 0, false));
        after.put("b", divisions.get("b").divide(K + 1, 0, false));
        after.put("c", c.divide(K + 1, 0, false));

        assertThat(after.get("a").perSecond()).as("a makes room for c").isLessThan(before.get("a").perSecond());
        assertThat(inReachAcross(before, after)).isLessThanOrEqualTo(SETTINGS.limits().perSecond());
    }

    @Test
    void aParticipantThatJustJoinedCountsASilentOnesGrantAsTheWholeSecond() {
        book.add(report("d", K - 3, new Grants(3.5, 7, 1_000, 1_000))); // d stopped reporting: silent, reserved
        Map<String, Grants> before = runningPair();
        before.put("d", new Grants(3.5, 7, 1_000, 1_000));
        book.add(report("c", K - 1, Grants.NONE));
        Division c = new Division("c", shares, book, clock);

        Map<String, Grants> after = new LinkedHashMap<>();
        after.put("a", divisions.get("a").divide(K + 1, 0, false));
        after.put("b", divisions.get("b").divide(K + 1, 0, false));
        after.put("c", c.divide(K + 1, 0, false));
        after.put("d", new Grants(3.5, 7, 1_000, 1_000));

        assertThat(after.get("c").perSecond()).as("c, not knowing d's grant of the slot before").isZero();
        assertThat(inReachAcross(before, after)).isLessThanOrEqualTo(SETTINGS.limits().perSecond());
    }

    /** a and b, running: they divided slot K, reported about K - 1 with their grants for K. */
    private Map<String, Grants> runningPair() {
        Map<String, Grants> grantsOfK = new LinkedHashMap<>();
        for (String id : List.of("a", "b")) {
            book.add(report(id, K - 2, TWO_WAY));
            divisions.put(id, new Division(id, shares, book, clock));
        }
        for (String id : List.of("a", "b")) {
            grantsOfK.put(id, divisions.get(id).divide(K, 0, false));
        }
        grantsOfK.forEach((id, grants) -> book.add(report(id, K - 1, grants)));
        return grantsOfK;
    }

    private static long inReachAcross(Map<String, Grants> before, Map<String, Grants> after) {
        long sum = 0;
        for (String id : after.keySet()) {
            sum += Math.max(BudgetShares.reachCap(before.getOrDefault(id, Grants.NONE).perSecond()),
                    BudgetShares.reachCap(after.get(id).perSecond()));
        }
        return sum;
    }

    /** A report about {@code slot} in backlog, published just after that slot ended, with its grant for the next. */
    private static ParticipantReport report(String id, long slot, Grants next) {
        return new ParticipantReport(id, slot, (slot + 1) * 2_000 + 10, 16, true, 0, 0, List.of(), 0, 0, next, 0,
                false);
    }
}
