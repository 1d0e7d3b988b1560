package com.skylinksync.budget;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.retailexpress.CallOutcome;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.sandbox.retailexpress.JournalEntry;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much of RE's budget a product sync costs by batch size: syncs N products' worth of {@code GetProductsByChannel}
 * reads against the RE simulator (RE's real limits: 25/s, 1,200/min, 30,000/h, 150,000/day) through the shared
 * {@link ApiBudget} (one participant, a real embedded Kafka broker), once with one id per call and once with the
 * default batch, and prints entities fetched per RE call, calls/s against the budget, and both as ratios against
 * batch size 1. Run with {@code ./bench/re-fetch [products] [batch]} (defaults 500 and 50).
 */
public final class ProductFetchBenchmark {

    private static final int CHANNEL = 1;

    private ProductFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        BudgetLimits limits = BudgetLimits.retailExpress();
        try (KafkaBroker broker = KafkaBroker.start(1);
             RetailExpressSimulator simulator = RetailExpressSimulator.start(
                     RetailExpressSimulator.Options.defaults().withPort(0), new CatalogueSpec(7, products, 0, 0));
             ApiBudget budget = ApiBudget.start(BudgetSettings.of(limits),
                     new BudgetCoordination("skylink.re.budget", "benchmark", "benchmark"),
                     BudgetKafka.of(broker.bootstrapServers()), new WorkPriority())) {
            RetailExpressCatalogue client = new RetailExpressCatalogue(new RetailExpressTransport(
                    new RetailExpressSettings(simulator.soapEndpoint(), simulator.clientId(), simulator.username(),
                            simulator.password(), Duration.ofSeconds(5), Duration.ofSeconds(30), false), budget));
            List<Integer> ids = client.getProductIdsByChannel(CHANNEL).stream().limit(products).toList();
            List<Run> runs = new ArrayList<>();
            for (int size : List.of(1, batch)) {
                runs.add(run(client, simulator, ids, size));
            }
            print(limits, ids.size(), runs);
        }
    }

    private static Run run(RetailExpressCatalogue client, RetailExpressSimulator simulator, List<Integer> ids, int size) {
        Instant from = Instant.now();
        long started = System.nanoTime();
        long entities = 0;
        for (int i = 0; i < ids.size(); i += size) {
            entities += client.getProductsByChannel(ids.subList(i, Math.min(ids.size(), i + size)), CHANNEL)
                    .allProducts().count();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Instant to = Instant.now();
        List<JournalEntry> calls = simulator.journal().stream()
                .filter(e -> "GetProductsByChannel".equals(e.operation()) && !e.at().isBefore(from) && e.at().isBefore(to))
                .toList();
        long ok = calls.stream().filter(e -> e.outcome() == CallOutcome.OK).count();
        long throttled = calls.stream().filter(e -> e.outcome() == CallOutcome.THROTTLED).count();
        return new Run(size, ok, throttled, entities, seconds);
    }

    private static void print(BudgetLimits limits, int products, List<Run> runs) {
        Run base = runs.getFirst();
        System.out.printf(Locale.ROOT, "RE product fetch: %d products on channel %d, budget %d/s, %d/min, %d/h, %d/day"
                + " (one ApiBudget participant)%n", products, CHANNEL, limits.perSecond(), limits.perMinute(),
                limits.perHour(), limits.perDay());
        System.out.printf(Locale.ROOT, "%-6s %9s %9s %10s %9s %8s %14s %11s %11s %13s%n", "batch", "RE calls",
                "throttled", "entities", "seconds", "calls/s", "% of 1,200/min", "entities/", "entities/s",
                "entities/s vs");
        System.out.printf(Locale.ROOT, "%-6s %9s %9s %10s %9s %8s %14s %11s %11s %13s%n", "", "", "", "", "", "", "",
                "call (x)", "", "batch 1");
        for (Run run : runs) {
            double perMinute = limits.perMinute() / 60.0;
            System.out.printf(Locale.ROOT, "%-6d %9d %9d %10d %9.1f %8.2f %13.0f%% %6.1f (%3.0fx) %11.1f %12.1fx%n",
                    run.batch, run.calls, run.throttled, run.entities, run.seconds, run.callsPerSecond(),
                    100 * run.callsPerSecond() / perMinute, run.entitiesPerCall(),
                    run.entitiesPerCall() / base.entitiesPerCall(), run.entitiesPerSecond(),
                    run.entitiesPerSecond() / base.entitiesPerSecond());
        }
        System.out.printf(Locale.ROOT, "RE calls for a full sync of %d products: %d at batch 1, %d at batch %d (%.1f%% of "
                + "the calls); a day's budget (%d calls) syncs %,.0f vs %,.0f products%n", products, base.calls,
                runs.getLast().calls, runs.getLast().batch, 100.0 * runs.getLast().calls / base.calls, limits.perDay(),
                limits.perDay() * base.entitiesPerCall(), limits.perDay() * runs.getLast().entitiesPerCall());
    }

    private record Run(int batch, long calls, long throttled, long entities, double seconds) {
        double callsPerSecond() {
            return calls / seconds;
        }

        double entitiesPerCall() {
            return calls == 0 ? 0 : entities / (double) calls;
        }

        double entitiesPerSecond() {
            return entities / seconds;
        }
    }
}
