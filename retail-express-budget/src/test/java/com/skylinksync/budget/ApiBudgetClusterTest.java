package com.skylinksync.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.retailexpress.CallOutcome;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared budget's proof, with real parts: a KRaft broker, the RE simulator over SOAP enforcing a scaled-down
 * budget (20/s, 300/min), and three participants (each an ApiBudget with its own RE client) in backlog.
 * One test in phases, because each phase starts from the state the one before left: a full minute in backlog,
 * an injected throttle fault, then one participant stops.
 */
class ApiBudgetClusterTest {

    private static final BudgetLimits LIMITS = new BudgetLimits(20, 300, 30_000, 150_000);
    private static final Duration COOLDOWN = Duration.ofSeconds(10);
    /** The cluster's even pace under backlog: the minute over n + 2 periods (see BudgetShares). */
    private static final double PACE_PER_SECOND = 300.0 / 32 / 2;

    private static KafkaBroker broker;
    private static RetailExpressSimulator simulator;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(1);
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        simulator.budget(new SimulatedBudget(LIMITS.perSecond(), LIMITS.perMinute(), LIMITS.perHour(), LIMITS.perDay()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
        broker.close();
    }

    @Test
    void threeParticipantsShareTheBudgetBackOffTogetherAndTakeUpAStoppedOnesShare() throws Exception {
        BudgetSettings settings = BudgetSettings.of(LIMITS).withThrottleCooldown(COOLDOWN);
        List<Participant> participants = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            participants.add(new Participant(name, ApiBudget.start(settings,
                    new BudgetCoordination("skylink.re.budget", name, "budget-test"),
                    BudgetKafka.of(broker.bootstrapServers()), new WorkPriority())));
        }
        try {
            Instant started = Instant.now();
            participants.forEach(Participant::startBacklog);

            // 1. a full minute window in backlog, after the participants have joined (two periods)
            Instant windowStart = started.plusSeconds(6);
            Instant windowEnd = windowStart.plusSeconds(60);
            sleepUntil(windowEnd);
            List<JournalEntry> journal = simulator.journal();
            long inMinute = count(journal, CallOutcome.OK, windowStart, windowEnd);
            long throttled = count(journal, CallOutcome.THROTTLED, started, windowEnd);
            System.out.printf("backlog: %d calls in the minute [%s, %s) = %.1f%% of %d; throttle faults: %d%n",
                    inMinute, windowStart, windowEnd, 100.0 * inMinute / LIMITS.perMinute(), LIMITS.perMinute(), throttled);
            for (Participant p : participants) {
                System.out.printf("  %s: %d calls%n", p.name, p.callsBetween(windowStart, windowEnd));
            }
            assertThat(throttled).as("throttle faults while in backlog").isZero();
            assertThat(inMinute).as("calls in a full minute").isGreaterThanOrEqualTo(270);
            assertThat(maxInAnyMinute(journal)).isLessThanOrEqualTo(LIMITS.perMinute());

            // 2. an injected throttle fault: every participant slows down
            simulator.throttleNext(1);
            Instant fault = waitForThrottleFault(Duration.ofSeconds(10));
            sleepUntil(fault.plusSeconds(9));
            for (Participant p : participants) {
                double before = p.callsBetween(fault.minusSeconds(8), fault) / 8.0;
                double after = p.callsBetween(fault.plusSeconds(1), fault.plusSeconds(9)) / 8.0;
                System.out.printf("throttle: %s %.2f calls/s in the 8 s before, %.2f in the 8 s after (%.0f%%)%n",
                        p.name, before, after, 100 * after / before);
                assertThat(after).as("%s after the throttle fault", p.name).isLessThanOrEqualTo(before * 0.75);
            }

            // 3. recovery (cool-down, then as long again), then one participant stops
            Instant recovered = fault.plus(COOLDOWN.multipliedBy(2)).plusSeconds(2);
            sleepUntil(recovered);
            Participant stopped = participants.get(2);
            Instant stopAt = Instant.now();
            stopped.stop();
            List<Participant> others = participants.subList(0, 2);
            double othersBefore = others.stream().mapToLong(p -> p.callsBetween(stopAt.minusSeconds(6), stopAt)).sum() / 6.0;
            sleepUntil(stopAt.plusSeconds(20));
            Instant takenUp = null;
            for (int s = 0; s + 4 <= 20; s++) { // first 4 s stretch at 90% of the cluster's pace
                Instant from = stopAt.plusSeconds(s);
                long calls = others.stream().mapToLong(p -> p.callsBetween(from, from.plusSeconds(4))).sum();
                if (calls >= 0.9 * PACE_PER_SECOND * 4) {
                    takenUp = from.plusSeconds(4);
                    break;
                }
            }
            double othersAfter = others.stream()
                    .mapToLong(p -> p.callsBetween(stopAt.plusSeconds(10), stopAt.plusSeconds(20))).sum() / 10.0;
            System.out.printf("stop: a+b %.2f calls/s before c stopped, %.2f calls/s 10-20 s after; full pace "
                    + "(%.2f/s) again %s after the stop%n", othersBefore, othersAfter, PACE_PER_SECOND,
                    takenUp == null ? "never" : Duration.between(stopAt, takenUp));
            assertThat(takenUp).as("the others take up the stopped one's share").isNotNull();
            assertThat(Duration.between(stopAt, takenUp)).isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(othersAfter).isGreaterThanOrEqualTo(0.9 * PACE_PER_SECOND);

            List<JournalEntry> all = simulator.journal();
            assertThat(all.stream().filter(e -> e.outcome() == CallOutcome.THROTTLED).count())
                    .as("throttle faults over the whole test: only the injected one").isEqualTo(1);
        } finally {
            participants.forEach(Participant::stop);
        }
    }

    private static long count(List<JournalEntry> journal, CallOutcome outcome, Instant from, Instant to) {
        return journal.stream().filter(e -> e.outcome() == outcome && !e.at().isBefore(from) && e.at().isBefore(to))
                .count();
    }

    private static long maxInAnyMinute(List<JournalEntry> journal) {
        List<Instant> ok = journal.stream().filter(e -> e.outcome() == CallOutcome.OK).map(JournalEntry::at).toList();
        long max = 0;
        int start = 0;
        for (int end = 0; end < ok.size(); end++) {
            while (!ok.get(start).isAfter(ok.get(end).minusSeconds(60))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static Instant waitForThrottleFault(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            for (JournalEntry entry : simulator.journal().reversed()) {
                if (entry.outcome() == CallOutcome.THROTTLED) {
                    return entry.at();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No call reached the simulator's injected throttle fault within " + limit);
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** One participant: its budget, its own client, and three callers that always have another call to make. */
    private static final class Participant {
        final String name;
        final ApiBudget budget;
        final RetailExpressCustomers client;
        final Queue<Instant> calls = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

        Participant(String name, ApiBudget budget) {
            this.name = name;
            this.budget = budget;
            this.client = new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                    simulator.soapEndpoint(), simulator.clientId(), simulator.username(), simulator.password(),
                    Duration.ofSeconds(5), Duration.ofSeconds(10), false), budget));
        }

        void startBacklog() {
            for (int i = 0; i < 3; i++) {
                callers.submit(() -> {
                    while (running.get()) {
                        try {
                            client.getCustomer(300000);
                            calls.add(Instant.now());
                        } catch (RetailExpressException.Throttled e) {
                            // a throttle fault or no permit in time: the caller simply tries again
                        }
                    }
                });
            }
        }

        long callsBetween(Instant from, Instant to) {
            return calls.stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
        }

        void stop() {
            if (running.compareAndSet(true, false)) {
                budget.close();
                callers.shutdownNow();
                try {
                    callers.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
