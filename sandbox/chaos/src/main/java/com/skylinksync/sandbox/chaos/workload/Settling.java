package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosTargets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;

/**
 * Waits until the system is quiet: every change set sent is registered and acknowledged (or, for operator runs,
 * finished), the outbox is empty, every consumer group's lag is 0, every Magento order has reached RE and the
 * customer push has linked every shopper — twice in a row, two seconds apart. Every read tolerates a process being
 * restarted (a failed read is "not quiet yet").
 */
final class Settling {

    private final ChaosTargets targets;
    private final Gateways gateways;
    private final DriveLog driven;

    Settling(ChaosTargets targets, Gateways gateways, DriveLog driven) {
        this.targets = targets;
        this.gateways = gateways;
        this.driven = driven;
    }

    /** What is still moving; empty when quiet. */
    List<String> unsettled() {
        List<String> moving = new ArrayList<>();
        try {
            // A parked acknowledgement (sent, outcome unknown) waits for an operator by design: settled, not moving.
            long open = count("SELECT count(*) FROM eds_gateway.change_set WHERE source = 'EDS' AND status NOT IN ('ACKNOWLEDGED', "
                    + "'ACKNOWLEDGED_WITH_FAILURES', 'ACKNOWLEDGEMENT_PARKED')");
            long pending = count("SELECT count(*) FROM eds_gateway.change_set_entity WHERE outcome IN ('PENDING', 'FAILED')");
            long outbox = count("SELECT count(*) FROM eds_gateway.outbox");
            long registered = registered();
            if (open > 0) {
                moving.add(open + " change sets not acknowledged");
            }
            if (pending > 0) {
                moving.add(pending + " entities without a final outcome");
            }
            if (outbox > 0) {
                moving.add(outbox + " outbox rows");
            }
            if (registered < driven.changeSetIds.size()) {
                moving.add((driven.changeSetIds.size() - registered) + " change sets sent but not registered");
            }
        } catch (SQLException e) {
            moving.add("database: " + e.getMessage());
        }
        try {
            long lag = gateways.get("/ops/lag").path("total").asLong();
            if (lag > 0) {
                moving.add("consumer lag " + lag);
            }
        } catch (RuntimeException e) {
            moving.add("lag: " + e.getMessage());
        }
        // A parked order (its create cut off by a kill: outcome unknown) waits for an operator, by design: settled.
        java.util.Set<Long> parked = parkedOrders();
        long unlinked = targets.magento().orders().stream().filter(o -> Shop.reOrderId(o).isEmpty())
                .filter(o -> !parked.contains(o.get("entity_id").asLong())).count();
        if (unlinked > 0) {
            moving.add(unlinked + " Magento orders not in RE yet (and not parked)");
        }
        long shoppers = targets.magento().customers().stream()
                .filter(c -> c.path("email").asString().startsWith("chaos-") && Shop.reCustomerId(c).isEmpty()).count();
        if (shoppers > 0) {
            moving.add(shoppers + " Magento shoppers not linked to RE yet");
        }
        return moving;
    }

    private java.util.Set<Long> parkedOrders() {
        try {
            return QuarantineCheck.parkedOrders(gateways.get("/ops/parked"));
        } catch (RuntimeException unreachable) {
            return java.util.Set.of();
        }
    }

    /** Quiet (twice in a row) within {@code settle}, or what was still moving then. */
    List<String> await(Duration settle) {
        Instant giveUp = Instant.now().plus(settle);
        boolean quietOnce = false;
        List<String> moving = List.of();
        while (Instant.now().isBefore(giveUp)) {
            moving = unsettled();
            if (moving.isEmpty() && quietOnce) {
                return List.of();
            }
            quietOnce = moving.isEmpty();
            Gateways.sleep(Duration.ofSeconds(2));
        }
        return moving.isEmpty() ? List.of() : moving;
    }

    private long registered() throws SQLException {
        List<String> ids = new ArrayList<>(driven.changeSetIds);
        long found = 0;
        try (Connection connection = connect(); var query = connection.prepareStatement(
                "SELECT count(*) FROM eds_gateway.change_set WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                found = rows.getLong(1);
            }
        }
        return found;
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The gateway's change sets: id → status, with their entities' outcomes counted. */
    Map<String, String> changeSetStatuses() throws SQLException {
        Map<String, String> statuses = new java.util.HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, status FROM eds_gateway.change_set WHERE source = 'EDS'")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getString(2));
            }
        }
        return statuses;
    }

    Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(targets.postgresJdbcUrl(), credentials);
    }
}
