package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** RE's side of the Magento orders: payments taken and lines fulfilled in RE once an order has reached it. */
final class RetailExpressAnswers {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private final ChaosTargets targets;
    private final DriveLog driven;
    private final Driver driver;
    private final MagentoSimulator magento;

    RetailExpressAnswers(ChaosTargets targets, DriveLog driven, Driver driver) {
        this.targets = targets;
        this.driven = driven;
        this.driver = driver;
        this.magento = targets.magento();
    }

    /**
     * Once an order has reached RE: RE takes the full payment of an order Magento did not invoice, and fulfils the
     * first line of two in three; each batch is announced as one EDS change set of orders.
     */
    void run() {
        driver.at(0.8);
        // Orders reach RE at the order loop's pace (its poll, the shared budget): under load minutes after placing.
        Instant giveUp = driver.start().plus(driver.spread()).plus(max(Duration.ofMinutes(4), driver.spread()));
        List<Long> waiting = new ArrayList<>(driven.magentoOrders.keySet().stream().sorted()
                .filter(id -> !driven.magentoOrders.get(id).invoiceInMagento() || driven.magentoOrders.get(id).fulfil())
                .toList());
        while (!waiting.isEmpty() && Instant.now().isBefore(giveUp)) {
            List<String> announce = new ArrayList<>();
            Map<Long, JsonNode> orders = new HashMap<>();
            magento.orders().forEach(o -> orders.put(o.get("entity_id").asLong(), o));
            for (var it = waiting.iterator(); it.hasNext(); ) {
                long magentoId = it.next();
                Optional<JsonNode> order = Optional.ofNullable(orders.get(magentoId));
                Optional<String> reOrderId = order.flatMap(Shop::reOrderId);
                if (reOrderId.isEmpty()) {
                    continue;
                }
                WorkloadPlan.PlannedOrder planned = driven.magentoOrders.get(magentoId);
                LocalDateTime now = LocalDateTime.now(SYDNEY);
                if (!planned.invoiceInMagento()) {
                    targets.retailExpress().pay(reOrderId.get(), 1, order.get().get("grand_total").decimalValue(), now);
                    driven.paidInRetailExpress.add(reOrderId.get());
                }
                if (planned.fulfil()) {
                    List<Integer> lines = targets.retailExpress().orderItemIds(reOrderId.get());
                    if (!lines.isEmpty()) {
                        targets.retailExpress().fulfil(reOrderId.get(), lines.getFirst(), BigDecimal.valueOf(planned.qty()), now);
                        driven.fulfilledInRetailExpress.add(reOrderId.get());
                    }
                }
                announce.add(reOrderId.get());
                it.remove();
            }
            for (int from = 0; from < announce.size(); from += 10) {
                driver.announce(targets.retailExpress().entitiesChanged("Order", announce.subList(from, Math.min(announce.size(), from + 10))));
            }
            if (!waiting.isEmpty()) {
                Gateways.sleep(Duration.ofSeconds(1));
            }
        }
        driven.unreachedOrders.addAll(waiting);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
