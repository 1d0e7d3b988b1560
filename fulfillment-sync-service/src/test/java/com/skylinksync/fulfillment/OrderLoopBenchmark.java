package com.skylinksync.fulfillment;

import static com.skylinksync.fulfillment.OrderLoopHarness.BRISBANE;
import static org.awaitility.Awaitility.await;

import com.skylinksync.sandbox.magento.PlacedOrder;
import com.skylinksync.sandbox.magento.PlacedOrder.Line;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.ReceivedDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * N orders (default 200) placed in the Magento simulator as shoppers place them, each invoiced at once, through the
 * real broker and PostgreSQL to RE orders and payments, under RE's real budget (the simulator enforces 25/s and
 * 1,200/min; the service takes permits from the shared budget). Prints orders/s, RE calls per order and p50/p99 from
 * placement to the RE order. Only with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OrderLoopBenchmark {

    @Test
    void ordersAndPaymentsReachRetailExpress() {
        int orders = Integer.getInteger("benchmark.orders", 200);
        try (var parts = OrderLoopHarness.start()) {
            parts.startService("--skylink.retail-express.budget.enabled=true", "--skylink.orders.poll.interval=200ms");
            Instant started = Instant.now();
            long callsBefore = parts.retailExpressSimulator.journal().size();
            Map<Long, Instant> placedAt = new HashMap<>();
            for (int i = 0; i < orders; i++) {
                Line line = i % 3 == 0 ? Line.configurable("BSS-THAW16", "BSS-THAW16-S-BLK", 1) : Line.of("SC0011OSFA", 1 + i % 2);
                long id = parts.place(PlacedOrder.guest("bench-" + i + "@example.com", BRISBANE, line)
                        .withPayment("checkmo", true));
                placedAt.put(id, Instant.now());
            }
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> parts.retailExpressSimulator.paymentDocuments().size() >= orders);
            Duration took = Duration.between(started, Instant.now());
            long calls = parts.retailExpressSimulator.journal().size() - callsBefore;
            Map<String, Instant> createdAt = parts.retailExpressSimulator.orderDocuments().stream()
                    .filter(d -> d.orderId() != null).collect(Collectors.toMap(ReceivedDocument::orderId, ReceivedDocument::at));
            List<Long> latencies = new ArrayList<>();
            placedAt.forEach((id, at) -> {
                String reOrderId = parts.awaitRetailExpressId(id);
                latencies.add(Duration.between(at, createdAt.get(reOrderId)).toMillis());
            });
            latencies.sort(null);
            System.out.printf("%nBENCHMARK orders Magento->RE: %d orders with invoices in %.1f s: %.1f orders/s, %.2f RE calls"
                            + " per order, placement to RE order p50 %d ms, p99 %d ms%n%n", orders, took.toMillis() / 1000.0,
                    orders * 1000.0 / took.toMillis(), calls / (double) orders,
                    latencies.get(latencies.size() / 2), latencies.get(Math.min(latencies.size() - 1, latencies.size() * 99 / 100)));
        }
    }
}
