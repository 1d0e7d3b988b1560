package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import java.time.Duration;
import java.util.List;

/**
 * A seeded chaos workload (the same seed gives the same workload): the store the RE simulator must hold, what is
 * driven into the running system, and the checks run once it has settled.
 *
 * <p>Seam between the cluster (package {@code cluster}, which starts and kills processes) and the workload: the
 * cluster starts the RE simulator with {@link #store()}, calls {@link #drive} while it kills processes and restarts
 * the broker, then {@link #check} with what it did. See the module's README, "Workload and checks".
 */
public final class ChaosWorkload {

    /** How long one request may keep failing over between gateways (all of them down) before the run gives up. */
    private static final Duration GATEWAY_DEADLINE = Duration.ofMinutes(2);

    private final WorkloadPlan plan;
    private final DriveLog driven = new DriveLog();

    private ChaosWorkload(WorkloadPlan plan) {
        this.plan = plan;
    }

    /** A workload of at least {@code entities} entities across every type, from {@code seed}. */
    public static ChaosWorkload plan(long seed, int entities) {
        return new ChaosWorkload(WorkloadPlan.of(seed, entities));
    }

    /** The generated store the RE simulator is started with. */
    public CatalogueSpec store() {
        return plan.store();
    }

    /**
     * Drives the whole workload into the system (EDS change sets to the gateways, bulk runs, Magento-side orders,
     * invoices and customer edits, injected RE latency, throttling and Magento 5xx), paced over about
     * {@code spread}, so the harness's kills land while it runs. Returns when everything has been sent and accepted
     * (a request refused because its gateway was killed is sent again to another one, as RE retries).
     */
    public void drive(ChaosTargets targets, Duration spread) {
        new Driver(plan, targets, gateways(targets), driven, spread).run();
    }

    /**
     * Waits (up to {@code settle}) until the system is quiet, then runs every check against the simulators'
     * journals, the services' databases and topics. {@code events} is what the harness did (kills, restarts).
     */
    public ChaosReport check(ChaosTargets targets, List<ChaosEvent> events, Duration settle) {
        return new ChaosChecks(targets, gateways(targets), driven).run(events, settle);
    }

    /** What the plan holds, per kind, for the report (e.g. "products 675, customers 330, ..."). */
    public String describe() {
        return plan.describe();
    }

    /**
     * Every fault {@link #drive} injected, with its window (kind, simulator, from..to, what): all transient, so none
     * may dead-letter or park anything; a dead letter of a transient failure names the fault in whose window it fell.
     */
    public List<String> injectedFaults() {
        return driven.faults().stream().map(InjectedFault::toString).toList();
    }

    private static Gateways gateways(ChaosTargets targets) {
        return new Gateways(targets.gateways(), targets.edsApiKey(), targets.operatorToken(),
                targets.retailExpress().clientId(), GATEWAY_DEADLINE);
    }
}
