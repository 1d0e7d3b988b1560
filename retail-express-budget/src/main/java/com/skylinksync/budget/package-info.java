/**
 * The one Retail Express API budget shared by every replica of every service: RE's limits (25 calls/s, 1,200/min,
 * 30,000/h, 150,000/day) are cumulative per client, so each process may only spend its share. {@link ApiBudget} is the
 * RE client's {@code CallPermits}; {@link ApiBudgetAutoConfiguration} gives one to a Boot service that sets
 * {@code skylink.retail-express.budget.enabled=true} ({@link BudgetProperties}).
 *
 * <p><b>Local enforcement.</b> A call takes one permit of each RE window ({@link WindowPermits}), sized to this
 * process's share for the current period. Callers wait their turn ({@link CallerTurns}): real-time work
 * ({@code WorkPriority.current()}) before backlog work of the same process.
 *
 * <p><b>Coordination through Kafka, not PostgreSQL.</b> Every service already talks to Kafka, while not every one has
 * a database (and giving one a database only to share a counter would couple its health to a second system). A
 * compacted topic keyed by participant ({@link BudgetExchange}) is exactly "the latest state of every participant",
 * readable from the start by a new process, and it remembers the spend of processes that died, which must keep
 * counting until it leaves the windows. Every participant publishes a report ({@link BudgetReportCodec}) at each
 * period boundary (what it spent, whether callers waited, its grant for the current period) and reads everyone's;
 * every participant computes everyone's shares with the same deterministic {@link BudgetShares}, so no leader,
 * election or lock is needed. The budget's Kafka clients are configured like the service's own ({@link BudgetKafka}).
 *
 * <p><b>Agreement.</b> Shares of period {@code k+1} are computed half-way through period {@code k} ({@link PeriodClock})
 * from reports about period {@code k-1} or earlier published in the first quarter of period {@code k}
 * ({@link ReportBook#selectFor}): reports arrive everywhere within that quarter (Kafka's latency is milliseconds), so
 * every participant computes from the same reports and the shares sum to the cluster's grant; changed limits take
 * effect at the same boundary everywhere. A participant that cannot see its own reports come back for two periods
 * fences itself (makes no calls): the others keep its last grant reserved for {@code silentPeriods} and then share it
 * out.
 *
 * <p><b>Late calls.</b> RE counts a call when it arrives, not when its permit was taken: a call held up between the
 * two (a process descheduled on an overloaded machine, a GC pause, a stalled network or front end) lands in one second
 * at RE with later ones, which pacing the permits cannot prevent. So each participant also caps its calls in reach of
 * RE's current second ({@link CallsInReach}: in flight, or over for less than a second; the client reports each call's
 * end through {@code CallPermits.finished}) at what its pace allows in a second anyway, {@code floor(rate) + 2}; quick
 * calls never meet the cap, late ones stop new permits. Across a boundary a late call counts under the cap it was
 * permitted under, so a cap may only rise into the room the slot before's caps leave ({@code BudgetShares}).
 *
 * <p><b>Throttle faults.</b> {@code ApiBudget.throttled} drains this period's permits, republishes the report with the
 * time of the fault, and every participant that reads it (this one included) recomputes the next period's shares with
 * the back-off factor; the cluster paces at the reduced rate for the cool-down, then recovers linearly.
 */
package com.skylinksync.budget;
