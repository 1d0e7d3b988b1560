package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.ChangeSet;
import com.skylinksync.sandbox.retailexpress.EdsTarget;
import com.skylinksync.sandbox.retailexpress.InjectedLatency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link WorkloadPlan} into the running system, paced over the spread: the EDS change sets (from 0 to 60 %
 * of it), two bulk runs, RE-side product changes, the Magento side ({@link Shop}) and the injected faults, each on
 * its own virtual thread so a slow or failing part never holds up the others' timing.
 */
final class Driver {

    private static final Logger log = LoggerFactory.getLogger(Driver.class);
    private static final int EDS_SENDERS = 4;

    private final WorkloadPlan plan;
    private final ChaosTargets targets;
    private final Gateways gateways;
    private final DriveLog driven;
    private final Duration spread;
    private final Instant start = Instant.now();

    Driver(WorkloadPlan plan, ChaosTargets targets, Gateways gateways, DriveLog driven, Duration spread) {
        this.plan = plan;
        this.targets = targets;
        this.gateways = gateways;
        this.driven = driven;
        this.spread = spread;
    }

    void run() {
        // RE's own EDS emission goes to one gateway and gives up when it is down; the workload delivers what the
        // simulator's changes announce instead, with failover (the change sets keep the simulator's ids).
        targets.retailExpress().eds(null);
        try (ExecutorService parts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < EDS_SENDERS; lane++) {
                int mine = lane;
                running.add(parts.submit(() -> sendChangeSets(mine)));
            }
            running.add(parts.submit(this::bulkRuns));
            running.add(parts.submit(this::productChanges));
            running.add(parts.submit(this::faults));
            running.add(parts.submit(() -> new Shop(plan, targets, gateways, driven, this).run()));
            for (Future<?> part : running) {
                try {
                    part.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A part of the workload failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                }
            }
        } finally {
            targets.retailExpress().eds(new EdsTarget(targets.gateways().getFirst(), targets.edsApiKey(), Gateways.SALES_CHANNEL));
        }
        log.info("Workload driven in {} s: {} change sets sent ({} repeats, {} without id), {} failovers, {} faults, {} Magento orders",
                Duration.between(start, Instant.now()).toSeconds(), driven.sends.get(), driven.repeats.get(),
                driven.derived.get(), driven.failovers.get(), driven.faults.size(), driven.magentoOrders.size());
    }

    /** Waits until {@code fraction} of the spread has passed since the start. */
    void at(double fraction) {
        Instant when = start.plusMillis((long) (spread.toMillis() * fraction));
        Duration left = Duration.between(Instant.now(), when);
        if (!left.isNegative() && !left.isZero()) {
            Gateways.sleep(left);
        }
    }

    Instant start() {
        return start;
    }

    Duration spread() {
        return spread;
    }

    /** Sends one change set through any gateway and records it. */
    void send(EdsChangeSet changeSet) {
        Gateways.Reply reply = gateways.notify(changeSet);
        driven.sent(changeSet, changeSet.acknowledgedId(gateways.clientId(), Gateways.SALES_CHANNEL), reply);
    }

    /** Sends what an RE simulator change announced (its own ChangesetId). */
    void announce(ChangeSet announced) {
        send(EdsChangeSet.of(announced.changeSetId(), announced.type(), announced.ids()));
    }

    private void sendChangeSets(int lane) {
        List<EdsChangeSet> sends = plan.sends();
        for (int i = lane; i < sends.size(); i += EDS_SENDERS) {
            at(0.6 * i / sends.size());
            send(sends.get(i));
        }
    }

    private void bulkRuns() {
        for (int i = 0; i < plan.bulkRuns().size(); i++) {
            at(0.05 + 0.1 * i);
            Gateways.Reply reply = gateways.post("/ops/bulk-runs", Map.of("type", plan.bulkRuns().get(i)));
            driven.bulkRuns.add(reply.body().path("id").asString());
        }
    }

    /** RE-side changes: a product's price and stock edited in RE, announced through EDS. */
    private void productChanges() {
        List<Integer> ids = plan.productChanges();
        for (int i = 0; i < ids.size(); i++) {
            at(0.35 + 0.3 * i / ids.size());
            int id = ids.get(i);
            announce(targets.retailExpress().changeProduct(id,
                    Map.of("DefaultPrice", "%d.45".formatted(10 + id % 90), "StockAvailable", String.valueOf(id % 37)), null));
        }
    }

    /** RE latency for a quarter of the spread, RE throttles three times, Magento 503s and 500s twice. */
    private void faults() {
        at(0.1);
        Instant latencyFrom = Instant.now();
        targets.retailExpress().latency(InjectedLatency.uniform(Duration.ofMillis(20), Duration.ofMillis(120)));
        inject(0.2, at -> targets.retailExpress().throttleNext(3), InjectedFault.Kind.RE_THROTTLE, "retail-express", "next 3 calls");
        inject(0.3, at -> targets.magento().failNext(4, 503), InjectedFault.Kind.MAGENTO_5XX, "magento", "next 4 requests answer 503");
        at(0.35);
        targets.retailExpress().latency(InjectedLatency.none());
        driven.faults.add(new InjectedFault(InjectedFault.Kind.RE_LATENCY, "retail-express", latencyFrom, Instant.now(), "20-120 ms per call"));
        inject(0.4, at -> targets.retailExpress().throttleNext(3), InjectedFault.Kind.RE_THROTTLE, "retail-express", "next 3 calls");
        inject(0.55, at -> targets.magento().failNext(3, 500), InjectedFault.Kind.MAGENTO_5XX, "magento", "next 3 requests answer 500");
        inject(0.6, at -> targets.retailExpress().throttleNext(3), InjectedFault.Kind.RE_THROTTLE, "retail-express", "next 3 calls");
    }

    /** The fault's window: from its injection until a tenth of the spread (at least 30 s) later, by when it is spent. */
    private void inject(double fraction, Consumer<Instant> fault, InjectedFault.Kind kind, String target, String detail) {
        at(fraction);
        Instant from = Instant.now();
        fault.accept(from);
        Duration window = spread.dividedBy(10).compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : spread.dividedBy(10);
        driven.faults.add(new InjectedFault(kind, target, from, from.plus(window), detail));
    }
}
