package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.CallOutcome;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs every check once the system has settled, in the order the report lists them. */
final class ChaosChecks {

    private final ChaosTargets targets;
    private final Gateways gateways;
    private final DriveLog driven;
    private final Settling settling;

    ChaosChecks(ChaosTargets targets, Gateways gateways, DriveLog driven) {
        this.targets = targets;
        this.gateways = gateways;
        this.driven = driven;
        this.settling = new Settling(targets, gateways, driven);
    }

    ChaosReport run(List<ChaosEvent> events, Duration settle) {
        List<String> moving = settling.await(settle);
        List<ChaosReport.Check> checks = new ArrayList<>();
        checks.add(new ChaosReport.Check("system quiet after the workload", "quiet within " + settle,
                moving.isEmpty() ? "quiet" : "still moving", moving.isEmpty(), moving));
        var parked = gateways.get("/ops/parked");
        Set<Long> parkedOrders = QuarantineCheck.parkedOrders(parked);
        checks.add(delivered(parkedOrders));
        checks.add(acknowledgedOnce());
        QuarantineCheck quarantine = new QuarantineCheck();
        ChaosReport.Check deadLetters = quarantine.deadLetters(gateways.get("/ops/dead-letters"), driven.faults());
        FinalStateChecks finalState = new FinalStateChecks(targets, gateways, driven);
        checks.add(finalState.drift(quarantine.sourceRefusals, settle.compareTo(Duration.ofMinutes(2)) < 0 ? Duration.ofMinutes(2) : settle));
        checks.add(finalState.priceGroupsAndOptions());
        checks.add(finalState.orderLoop(parkedOrders));
        checks.addAll(new DuplicateChecks(targets, driven).all());
        checks.add(budget());
        checks.add(outbox());
        checks.add(deadLetters);
        checks.add(quarantine.parked(parked, events));
        return new ChaosReport(checks);
    }

    /**
     * The workload itself did what it planned (else the other rows prove less than they say). An order that never
     * reached RE, so could not be paid or fulfilled there, is the workload's problem unless its push was parked: then
     * the system rightly waits for an operator (the parked-writes row proves a kill caused it).
     */
    private ChaosReport.Check delivered(Set<Long> parkedOrders) {
        List<String> problems = new ArrayList<>(driven.problems);
        driven.unreachedOrders.stream().sorted().filter(id -> !parkedOrders.contains(id)).forEach(id -> problems.add(
                "Magento order " + id + " did not reach RE during the drive (and was not parked): not paid or fulfilled in RE"));
        return new ChaosReport.Check("workload delivered as planned", "all sent", driven.sends.get() + " change sets ("
                + driven.repeats.get() + " repeats, " + driven.derived.get() + " without id), " + driven.magentoOrders.size()
                + " Magento orders, " + driven.faults.size() + " faults", problems.isEmpty(), QuarantineCheck.cap(problems));
    }

    /** The RE simulator's journal of ChangeSetProcessed: each change set sent once, and nothing RE never sent. */
    ChaosReport.Check acknowledgedOnce() {
        Map<String, Long> acknowledged = targets.retailExpress().processedChangeSets().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        List<String> violations = new ArrayList<>();
        long once = 0;
        for (String id : new java.util.TreeSet<>(driven.changeSetIds)) {
            long times = acknowledged.getOrDefault(id, 0L);
            if (times == 1) {
                once++;
            } else {
                violations.add("change set " + id + (times == 0 ? " never acknowledged" : " acknowledged " + times + " times"));
            }
        }
        acknowledged.keySet().stream().filter(id -> !driven.changeSetIds.contains(id))
                .forEach(id -> violations.add("change set " + id + " acknowledged, but RE never sent it"));
        return new ChaosReport.Check("change sets acknowledged exactly once", String.valueOf(driven.changeSetIds.size()),
                String.valueOf(once), violations.isEmpty(), QuarantineCheck.cap(violations));
    }

    /** A throttle fault the simulator did not inject was earned by exceeding RE's windows: the shared budget failed. */
    ChaosReport.Check budget() {
        List<JournalEntry> journal = targets.retailExpress().journal();
        List<String> violations = journal.stream().filter(e -> e.outcome() == CallOutcome.THROTTLED && !e.injected())
                .map(e -> e.operation() + " at " + e.at() + " throttled by RE's budget windows").toList();
        long injected = journal.stream().filter(JournalEntry::injected).count();
        long ok = journal.stream().filter(e -> e.outcome() == CallOutcome.OK).count();
        return new ChaosReport.Check("no RE throttle fault from exceeding the shared budget", "0",
                violations.size() + " (" + injected + " injected, " + ok + " calls answered)", violations.isEmpty(),
                QuarantineCheck.cap(violations));
    }

    ChaosReport.Check outbox() {
        List<String> rows = new ArrayList<>();
        try (Connection connection = settling.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, change_set_id, topic, attempts, last_error FROM eds_gateway.outbox ORDER BY id LIMIT 31")) {
            while (result.next()) {
                rows.add("outbox " + result.getLong(1) + " of change set " + result.getString(2) + " to " + result.getString(3)
                        + " (" + result.getInt(4) + " attempts" + (result.getString(5) == null ? "" : ": " + result.getString(5)) + ")");
            }
        } catch (SQLException e) {
            rows.add("the outbox could not be read: " + e.getMessage());
        }
        return new ChaosReport.Check("outbox empty", "0", String.valueOf(rows.size()), rows.isEmpty(), QuarantineCheck.cap(rows));
    }
}
