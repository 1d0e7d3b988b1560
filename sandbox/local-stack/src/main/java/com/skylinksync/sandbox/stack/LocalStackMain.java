package com.skylinksync.sandbox.stack;

import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./run-local}: starts the local stack in the foreground, prints where everything is, stops on Ctrl-C. */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long startedAt = System.nanoTime();
        CatalogueSpec store;
        try {
            store = StoreSize.parse(StoreSize.from(args, System.getenv("SKYLINK_STORE")));
        } catch (IllegalArgumentException bad) {
            System.err.println("run-local: " + bad.getMessage());
            System.exit(2);
            return;
        }
        // SKYLINK_LOG_FORMAT=json: JSON log lines, as the services print them on Kubernetes; human-readable otherwise.
        boolean json = "json".equalsIgnoreCase(System.getenv("SKYLINK_LOG_FORMAT"));
        LocalStack stack = LocalStack.start(StackPorts.fromEnvironment(), store, json ? LocalStack.jsonLogs() : Map.of());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the SkyLink local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.printf("""

                SkyLink Sync local stack is up (%.1f s). Ctrl-C stops everything.
                  EDS gateway            %s   (x-api-key: %s, client_id=%s, channel_id=%d)
                  customer sync service  %s
                  catalog sync service   %s
                  fulfillment sync svc.  %s   (orders placed with POST %s/sandbox/orders)
                  Magento simulator      %s   (bearer token: %s)
                  Retail Express sim.    %s
                  Kafka bootstrap        %s
                  Generated store        %s
                """, (System.nanoTime() - startedAt) / 1e9,
                stack.gatewayUri(), LocalStack.EDS_API_KEY, stack.clientId(), LocalStack.SALES_CHANNEL,
                stack.customerSyncUri(), stack.catalogSyncUri(), stack.fulfillmentSyncUri(),
                stack.magento().restBase().toString().replaceAll("/rest$", ""), stack.magento().restBase(), stack.magento().accessToken(),
                stack.retailExpress().soapEndpoint(), stack.kafkaBootstrapServers(),
                store.products() + store.customers() + store.orders() == 0 ? "none (reference fixtures only; --store products=N,customers=N,orders=N)"
                        : String.format("%,d products, %,d customers, %,d RE orders (seed %d); try: skylink bulk products",
                                store.products(), store.customers(), store.orders(), store.seed()));
        stopped.await();
    }
}
