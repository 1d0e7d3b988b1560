package com.skylinksync.budget;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's part of the one Retail Express API budget shared by every replica of every service (the design is
 * in the {@linkplain com.skylinksync.budget package} documentation). A call takes one permit of each RE window
 * ({@link WindowPermits}), sized to this process's share for the current period ({@link Division}); callers wait their
 * turn ({@link CallerTurns}), real-time work ({@link WorkPriority#current()}) before backlog work. At each period
 * boundary it reports its spend and demand ({@link BudgetExchange}); half-way through it divides the next period.
 */
public final class ApiBudget implements CallPermits, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiBudget.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final BudgetSettings settings;
    private final String participantId;
    private final WorkPriority priority;
    private final PeriodClock clock;
    private final BudgetShares shares;
    private final SpendLedger ledger;
    private final WindowPermits permits;
    private final CallsInReach inReach;
    private final CallerTurns turns = new CallerTurns();
    private final ReportBook reports = new ReportBook();
    private final Division division;
    private final BudgetExchange exchange;
    private final int minuteSlots;
    private final int hourSlots;
    private final int daySlots;

    private final AtomicLong latestThrottleAt = new AtomicLong();
    private final AtomicLong ownThrottleAt = new AtomicLong();
    private final AtomicLong lastStarvedSlot = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastOwnEcho = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong throttleFaults = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile ParticipantReport lastPublished;

    private ApiBudget(BudgetSettings settings, BudgetCoordination coordination, BudgetKafka kafka,
                      WorkPriority priority, Clock clock) {
        this.settings = settings;
        this.participantId = coordination.participantId();
        this.priority = priority;
        this.clock = new PeriodClock(clock, settings.period());
        this.shares = new BudgetShares(settings);
        this.minuteSlots = settings.periodsIn(Duration.ofMinutes(1));
        this.hourSlots = settings.periodsIn(Duration.ofHours(1));
        this.daySlots = settings.periodsIn(Duration.ofDays(1));
        this.ledger = new SpendLedger(daySlots);
        this.permits = new WindowPermits(this.clock);
        this.inReach = new CallsInReach(this.clock);
        this.division = new Division(participantId, shares, reports, this.clock);
        this.exchange = new BudgetExchange(kafka, coordination,
                new BudgetReportCodec(coordination.service(), settings.periodMillis()));
    }

    /**
     * Joins the cluster's budget: creates the topic if missing, reads every participant's latest report, announces
     * this one. Calls can be made once the others have counted it in, one or two periods later.
     *
     * @param priority whose calls go first: real-time callers of this process before backlog callers
     */
    public static ApiBudget start(BudgetSettings settings, BudgetCoordination coordination, BudgetKafka kafka,
                                  WorkPriority priority) {
        return start(settings, coordination, kafka, priority, Clock.systemUTC());
    }

    static ApiBudget start(BudgetSettings settings, BudgetCoordination coordination, BudgetKafka kafka,
                           WorkPriority priority, Clock clock) {
        ApiBudget budget = new ApiBudget(settings, coordination, kafka, priority, clock);
        budget.exchange.open(budget::received, budget.reports::remove);
        try {
            budget.announce();
            budget.clock.start("re-budget-ticker-" + budget.participantId, budget::periodStarted, budget::halfway);
        } catch (RuntimeException e) {
            budget.exchange.close();
            throw e;
        }
        return budget;
    }

    @Override
    public void acquire(String operation) {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        CallerTurns.Turn turn = turns.join(priority.current());
        try {
            while (true) {
                if (!turns.await(turn, deadline)) {
                    throw noPermit(operation);
                }
                if (awaitPermit(turn, operation, deadline)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetailExpressException.Throttled(operation, "interrupted while waiting for an RE API permit", e);
        } finally {
            turns.leave(turn);
        }
    }

    /** Holding the turn: waits for a permit (true), or passes the turn to a real-time caller that came (false). */
    private boolean awaitPermit(CallerTurns.Turn turn, String operation, long deadline) {
        while (true) {
            if (closing.get()) {
                throw new RetailExpressException.Throttled(operation, "the RE API budget is closed", null);
            }
            if (turns.outranked(turn)) {
                turns.pass(turn);
                return false;
            }
            long slot = clock.slot();
            Grants grants = division.of(slot);
            // the ledger's count is the hard cap on the period's calls, whenever the limiters were resized; the calls
            // in reach cap what RE can count in one second whenever the calls arrive
            if (ledger.used(slot) < grants.calls() && !fenced() && inReach.start(reachCapOf(grants))) {
                if (permits.take(slot, paceOf(grants))) {
                    ledger.record(slot);
                    calls.incrementAndGet();
                    return true;
                }
                inReach.cancel();
            }
            lastStarvedSlot.accumulateAndGet(slot, Math::max);
            long pause = Math.min(POLL_NANOS, deadline - System.nanoTime());
            if (pause <= 0) {
                throw noPermit(operation);
            }
            LockSupport.parkNanos(pause);
        }
    }

    /**
     * The pace for a period: the second window's grant, or slower, just fast enough to spend the period's grant over
     * the whole period (one interval to spare, as a new pacer starts without a permit). Spread evenly, the calls of a
     * minute leave no bunch at a period's start for a late call to push into the next minute at RE.
     */
    private double paceOf(Grants grants) {
        return Math.min(grants.perSecond(), (grants.calls() + 1) * 1000.0 / settings.periodMillis());
    }

    /**
     * The most calls of this participant that may be in reach of RE's current second (in flight, or over for less
     * than a second): what its pace allows in any second by permit time ({@code floor(rate) + 2}, see
     * {@link WindowPermits}), so the shares {@link BudgetShares} divides bound RE's second however late the calls
     * arrive. While calls are quick it never binds (a paced second holds no more); when they arrive late it stops
     * new permits instead of letting a stalled batch and fresh calls land in the same second at RE.
     */
    static int reachCapOf(Grants grants) {
        return BudgetShares.reachCap(grants.perSecond());
    }

    /** The call is over: RE can count it for at most one more second (see {@link CallsInReach}). */
    @Override
    public void finished(String operation) {
        inReach.end();
    }

    @Override
    public void throttled(String operation) {
        long now = clock.millis();
        throttleFaults.incrementAndGet();
        ownThrottleAt.accumulateAndGet(now, Math::max);
        LOG.warn("RE answered {} with a throttle fault: every participant backs off", operation);
        backOff(now);
        ParticipantReport last = lastPublished;
        if (last != null) {
            publish(last.withThrottledAt(now));
        }
    }

    /** This participant's view now. */
    public BudgetStatus status() {
        return new BudgetStatus(participantId, clock.slot(), division.of(clock.slot()), division.live(),
                shares.throttleFactor(clock.millis(), latestThrottleAt.get()), turns.waiting(), fenced(), calls.get(),
                throttleFaults.get());
    }

    public String participantId() {
        return participantId;
    }

    /** Stops making calls, tells the others (its share is freed within two periods) and disconnects. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        clock.stop();
        CallerTurns.Turn last = turns.join(WorkPriority.Level.REAL_TIME);
        try {
            turns.await(last, System.nanoTime() + settings.maxWait().toNanos()); // no call between permit and count
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publish(report(clock.slot(), Grants.NONE, true)); // delivered, or given up, by the exchange's close
            turns.leave(last);
        }
        exchange.close();
    }

    /** At each boundary: report on the period just ended, forget what has left every window. */
    private void periodStarted(long slot) {
        publish(report(slot - 1, division.of(slot), false));
        division.forgetBefore(slot - 2);
        // Reports whose calls have all left the day window stand for nothing any more: removed from the topic too.
        reports.expire(slot - daySlots - settings.silentPeriods() - 2).forEach(exchange::forget);
    }

    private void halfway(long slot) {
        divide(slot + 1);
    }

    /** Divides {@code slot} and sets this participant's limiters for it (they apply from its start). */
    private synchronized void divide(long slot) {
        permits.limitNextPeriod(division.divide(slot, latestThrottleAt.get(), fenced() || closing.get()));
    }

    private void backOff(long throttledAt) {
        if (latestThrottleAt.getAndAccumulate(throttledAt, Math::max) >= throttledAt) {
            return; // already backing off for this one
        }
        permits.slowDown(settings.throttleFactor());
        long slot = clock.slot();
        if (clock.millis() >= clock.halfOf(slot)) {
            divide(slot + 1); // the next period was divided before this was known
        }
    }

    private boolean fenced() {
        return clock.millis() - lastOwnEcho.get() > 2 * clock.periodMillis();
    }

    private void received(ParticipantReport report) {
        reports.add(report);
        if (report.participantId().equals(participantId)) {
            lastOwnEcho.accumulateAndGet(clock.millis(), Math::max);
        }
        if (report.throttledAt() > 0) {
            backOff(report.throttledAt());
        }
    }

    /** The first report, about the period whose reports are still being collected, so the others count us soon. */
    private void announce() {
        long slot = clock.slot();
        publish(report(clock.millis() <= clock.quarterOf(slot) ? slot - 1 : slot, Grants.NONE, false));
    }

    private ParticipantReport report(long slot, Grants next, boolean leaving) {
        int waiting = turns.waiting();
        return new ParticipantReport(participantId, slot, clock.millis(), waiting,
                waiting > 0 || lastStarvedSlot.get() >= slot, ledger.used(slot), ledger.spent(slot, minuteSlots),
                ledger.recent(slot, minuteSlots), ledger.spent(slot, hourSlots), ledger.spent(slot, daySlots), next,
                ownThrottleAt.get(), leaving);
    }

    private void publish(ParticipantReport report) {
        lastPublished = report;
        exchange.publish(report);
    }

    private RetailExpressException.Throttled noPermit(String operation) {
        return new RetailExpressException.Throttled(operation,
                "no RE API permit within " + settings.maxWait() + " (the shared budget is used up)", null);
    }
}
