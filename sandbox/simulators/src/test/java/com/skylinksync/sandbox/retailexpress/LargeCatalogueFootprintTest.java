package com.skylinksync.sandbox.retailexpress;

import static com.skylinksync.sandbox.retailexpress.SoapTestClient.elements;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A production-sized catalogue (100,000 products, 50,000 customers, 20,000 orders) must start at once and stay out
 * of the heap: materialised, it would take hundreds of megabytes, far past the bound here.
 */
class LargeCatalogueFootprintTest {

    private static final long MB = 1024 * 1024;

    @Test
    void startsAtOnceAndReadingThousandsOfEntitiesRetainsLittleHeap() throws Exception {
        // Warm the JAX-WS runtime first: its one-off class loading is not the catalogue's start-up cost.
        RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0)).close();
        long before = usedHeapAfterGc();
        CatalogueSpec spec = CatalogueSpec.large(2024);
        SplittableRandom random = new SplittableRandom(7);

        long started = System.nanoTime();
        try (RetailExpressSimulator simulator = RetailExpressSimulator.start(
                RetailExpressSimulator.Options.defaults().withPort(0), spec);
             SoapTestClient soap = new SoapTestClient(simulator)) {
            Duration startUp = Duration.ofNanos(System.nanoTime() - started);
            // This test measures memory, not RE's budget: 1,000+ reads would be throttled at RE's real 25/s.
            simulator.budget(SimulatedBudget.unlimited());
            int customersRead = 0;
            int productsRead = 0;
            for (int call = 0; call < 10; call++) {
                customersRead += elements(soap.call("<re:GetCustomers><re:CustomerIds>"
                        + ints(random, GeneratedCustomers.FIRST_ID, spec.customers())
                        + "</re:CustomerIds></re:GetCustomers>"), "Customer").size();
                productsRead += elements(soap.call("<re:GetProductsByChannel><re:ProductIds>"
                        + ints(random, GeneratedCatalogue.FIRST_PRODUCT_ID, spec.products())
                        + "</re:ProductIds><re:ChannelId>1</re:ChannelId></re:GetProductsByChannel>"), "Product").size();
            }
            // GetOrder takes one id, and the JDK server leaves Nagle on (~40 ms a call on loopback), so the
            // thousand reads go 50 at a time, as a client with a connection pool would send them.
            List<Callable<Integer>> reads = IntStream.range(0, 1_000)
                    .mapToObj(i -> GeneratedOrders.id(1 + random.nextInt(spec.orders())))
                    .<Callable<Integer>>map(orderId -> () -> elements(soap.call("<re:GetOrder><re:OrderId>" + orderId
                            + "</re:OrderId></re:GetOrder>"), "Order").size()).toList();
            int ordersRead = 0;
            try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
                for (Future<Integer> read : pool.invokeAll(reads)) {
                    ordersRead += read.get();
                }
            }
            long retained = usedHeapAfterGc() - before;

            assertThat(startUp).isLessThan(Duration.ofSeconds(1));
            assertThat(customersRead).isGreaterThan(990); // a random draw may repeat an id, served once
            assertThat(productsRead).isGreaterThanOrEqualTo(990); // matrix children bring their siblings
            assertThat(ordersRead).isEqualTo(1_000);
            assertThat(retained / MB).as("MB retained by the simulator after the reads").isLessThan(50);
        }
    }

    /** 100 random ids of a generated range as {@code <re:int>} elements. */
    private static String ints(SplittableRandom random, int first, int count) {
        return IntStream.range(0, 100).mapToObj(i -> "<re:int>" + (first + random.nextInt(count)) + "</re:int>")
                .collect(Collectors.joining());
    }

    /** Used heap after full collections; System.gc() is honoured by the default collector unless disabled. */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
