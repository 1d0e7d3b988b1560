package com.skylinksync.sandbox.chaos.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code drive} did, for the checks: every change set id the gateways took (as acknowledged: RE's or the
 * derived one), the faults injected with their windows, the Magento orders placed, the RE-side payments and
 * fulfilments, the bulk runs started. Written from several threads while the workload runs.
 */
final class DriveLog {

    final Set<String> changeSetIds = ConcurrentHashMap.newKeySet();
    final AtomicInteger sends = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    final AtomicInteger derived = new AtomicInteger();
    final AtomicInteger failovers = new AtomicInteger();
    final Queue<InjectedFault> faults = new ConcurrentLinkedQueue<>();
    /** Magento order entity id → what it is. */
    final Map<Long, WorkloadPlan.PlannedOrder> magentoOrders = new ConcurrentHashMap<>();
    /** Native customer index → Magento customer id. */
    final Map<Integer, Long> nativeCustomers = new ConcurrentHashMap<>();
    /** RE order ids paid in RE (so Magento must invoice them from RE), and fulfilled in RE. */
    final Set<String> paidInRetailExpress = ConcurrentHashMap.newKeySet();
    final Set<String> fulfilledInRetailExpress = ConcurrentHashMap.newKeySet();
    final Set<String> bulkRuns = ConcurrentHashMap.newKeySet();
    final Queue<String> problems = new ConcurrentLinkedQueue<>();
    /** Magento orders the drive meant to pay or fulfil in RE that never reached RE: judged against the parked ones. */
    final Set<Long> unreachedOrders = ConcurrentHashMap.newKeySet();

    /** One change set taken by a gateway: 201 new, 202 already registered (a repeat). */
    void sent(EdsChangeSet changeSet, String acknowledgedId, Gateways.Reply reply) {
        sends.incrementAndGet();
        if (!changeSetIds.add(acknowledgedId)) {
            repeats.incrementAndGet();
        } else if (changeSet.changeSetId() == null) {
            derived.incrementAndGet();
        }
        failovers.addAndGet(reply.failovers());
    }

    /** Something the workload meant to do but could not (a Magento order not placed...): reported by the checks. */
    void problem(String what) {
        problems.add(what);
    }

    List<InjectedFault> faults() {
        return new ArrayList<>(faults);
    }
}
