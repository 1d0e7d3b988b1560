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
 * the broker, then {@link #check} with what it did.
 */
public final class ChaosWorkload {

    private ChaosWorkload() {
    }

    /** A workload of at least {@code entities} entities across every type, from {@code seed}. */
    public static ChaosWorkload plan(long seed, int entities) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The generated store the RE simulator is started with. */
    public CatalogueSpec store() {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Drives the whole workload into the system (EDS change sets to the gateways, bulk runs, Magento-side orders,
     * invoices and customer edits, injected RE latency, throttling and Magento 5xx), paced over about
     * {@code spread}, so the harness's kills land while it runs. Returns when everything has been sent and accepted
     * (a request refused because its gateway was killed is sent again to another one, as RE retries).
     */
    public void drive(ChaosTargets targets, Duration spread) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Waits (up to {@code settle}) until the system is quiet, then runs every check against the simulators'
     * journals, the services' databases and topics. {@code events} is what the harness did (kills, restarts).
     */
    public ChaosReport check(ChaosTargets targets, List<ChaosEvent> events, Duration settle) {
        throw new UnsupportedOperationException("not built yet");
    }
}
