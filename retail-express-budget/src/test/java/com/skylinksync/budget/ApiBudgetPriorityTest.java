package com.skylinksync.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.connector.WorkPriority.Level;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.sandbox.infra.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Real-time before backlog, with real parts: one participant on a KRaft broker, paced at about two calls a second (a
 * second window of 3 leaves one participant just under 3 - 2 + 1 = 2 calls/s, see BudgetShares; the minute does not
 * bind), twenty backlog callers always waiting, then real-time callers. In first-come order a real-time caller would
 * wait for the twenty (about 10 s).
 */
class ApiBudgetPriorityTest {

    private static final BudgetSettings SETTINGS = BudgetSettings.of(new BudgetLimits(3, 1_200, 30_000, 150_000))
            .withMaxWait(Duration.ofSeconds(60));
    private static final int BACKLOG_CALLERS = 20;
    /** One permit interval (0.5 s at 2 calls/s) plus room for a busy machine; the backlog queue is twenty of them. */
    private static final Duration REAL_TIME_WAIT = Duration.ofSeconds(2);

    @Test
    void realTimeCallersGetTheNextPermitAheadOfQueuedBacklogCallersAndBacklogStillProgresses() throws Exception {
        WorkPriority priority = new WorkPriority();
        Queue<Instant> backlogPermits = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (KafkaBroker broker = KafkaBroker.start(1);
             ApiBudget budget = ApiBudget.start(SETTINGS, BudgetCoordination.of("priority-test"),
                     BudgetKafka.of(broker.bootstrapServers()), priority)) {
            ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
            try {
                for (int i = 0; i < BACKLOG_CALLERS; i++) {
                    callers.submit(() -> priority.call(Level.BACKLOG, () -> {
                        while (running.get()) {
                            try {
                                budget.acquire("GetProductsByChannel");
                                backlogPermits.add(Instant.now());
                                budget.finished("GetProductsByChannel"); // a call made at once
                            } catch (RetailExpressException.Throttled e) {
                                // no permit in time, or the budget closed: try again until the test ends
                            }
                        }
                        return null;
                    }));
                }

                // with no real-time caller waiting, the backlog takes the permits
                waitUntil(() -> backlogPermits.size() >= 3, Duration.ofSeconds(30), "backlog callers got no permits");
                assertThat(budget.status().waiting()).as("backlog callers queued")
                        .isGreaterThanOrEqualTo(BACKLOG_CALLERS - 1);

                for (int i = 0; i < 3; i++) {
                    Instant asked = Instant.now();
                    budget.acquire("GetCustomer"); // outside any WorkPriority.call: real-time
                    Instant granted = Instant.now();
                    budget.finished("GetCustomer");
                    long backlogMeanwhile = backlogPermits.stream()
                            .filter(at -> at.isAfter(asked) && at.isBefore(granted)).count();
                    System.out.printf("real-time caller %d: permit after %d ms with %d backlog callers queued; backlog "
                            + "permits meanwhile: %d%n", i + 1, Duration.between(asked, granted).toMillis(),
                            budget.status().waiting(), backlogMeanwhile);
                    assertThat(Duration.between(asked, granted)).as("real-time wait").isLessThan(REAL_TIME_WAIT);
                    // one backlog caller may have been taking its permit as the real-time caller asked
                    assertThat(backlogMeanwhile).as("backlog permits while a real-time caller waited")
                            .isLessThanOrEqualTo(1);
                }

                int before = backlogPermits.size();
                waitUntil(() -> backlogPermits.size() >= before + 3, Duration.ofSeconds(10),
                        "backlog callers got no permits once real-time callers were served");
            } finally {
                running.set(false);
                callers.shutdownNow();
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration limit, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " within " + limit);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
