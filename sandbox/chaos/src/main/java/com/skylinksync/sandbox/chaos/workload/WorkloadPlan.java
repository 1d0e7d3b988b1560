package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Everything a workload of a given size and seed consists of, computed up front (the same seed gives the same plan):
 * the RE store, the EDS change sets in the order they are sent (repeats included), the Magento orders and customers,
 * and the RE-side changes. Timing is the driver's business; what is sent is decided here.
 */
record WorkloadPlan(long seed, int entities, CatalogueSpec store, List<EdsChangeSet> sends, List<PlannedOrder> orders,
                    List<NativeCustomer> nativeCustomers, List<Integer> customerEdits, List<Integer> productChanges,
                    List<String> bulkRuns) {

    /** Generated ids start here (the RE simulator's generator). */
    static final int FIRST_PRODUCT_ID = 1_000_000;
    static final int FIRST_CUSTOMER_ID = 2_000_000;
    /** RE's price groups and attribute options (the simulator's reference data) that EDS can name by integer id. */
    static final List<String> PRICE_GROUPS = List.of("1", "2", "3", "4");
    static final List<List<String>> ATTRIBUTE_OPTIONS = List.of(
            List.of("Brand", "1", "2", "3", "4", "5", "6"), List.of("Colour", "12", "14", "15", "16"),
            List.of("Season", "1", "2"), List.of("ProductType", "2", "5"));
    static final List<String> OUTLETS = List.of("1", "2");

    /** Who places a Magento order. */
    enum Buyer { GUEST, RE_CUSTOMER, MAGENTO_CUSTOMER }

    /**
     * A Magento order: {@code productPick} chooses among the simple products Magento holds by then, {@code customer}
     * the RE customer (RE_CUSTOMER) or the native customer's index (MAGENTO_CUSTOMER). Invoiced in Magento at once,
     * or else paid in RE in full (Magento invoice from RE); {@code fulfil}: its first line fulfilled in RE.
     */
    record PlannedOrder(int index, Buyer buyer, int customer, int productPick, int qty, boolean invoiceInMagento,
                        boolean fulfil) {
    }

    /** A customer who registers in the Magento store (no RE id: the push creates it in RE once). */
    record NativeCustomer(int index, String email, String firstname, String lastname) {
    }

    /** Sizes per kind for {@code entities}: products 45 %, customers 22 %, RE orders 8 %, Magento orders 12 % (+ invoices). */
    static WorkloadPlan of(long seed, int entities) {
        if (entities < 100) {
            throw new IllegalArgumentException("A chaos workload needs at least 100 entities, not " + entities);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int products = entities * 45 / 100;
        int customers = entities * 22 / 100;
        int reOrders = entities * 8 / 100;
        int magentoOrders = entities * 12 / 100;
        int natives = Math.max(3, entities * 3 / 100);
        CatalogueSpec store = new CatalogueSpec(seed, products, customers, reOrders);

        List<EdsChangeSet> changeSets = new ArrayList<>();
        List<String> productIds = ids(FIRST_PRODUCT_ID, products);
        List<String> customerIds = ids(FIRST_CUSTOMER_ID, customers);
        List<String> orderIds = IntStream.rangeClosed(1, reOrders).mapToObj("17-%08d"::formatted).toList();
        chunks(random, "Product", productIds, 40, changeSets);
        chunks(random, "Product", sample(random, productIds, products / 6), 25, changeSets); // in a second change set
        chunks(random, "Customer", customerIds, 20, changeSets);
        chunks(random, "Customer", sample(random, customerIds, customers / 8), 10, changeSets);
        chunks(random, "Order", orderIds, 10, changeSets);
        changeSets.add(EdsChangeSet.of(id(random), "PriceGroup", PRICE_GROUPS));
        changeSets.add(EdsChangeSet.of(id(random), "PriceGroup", PRICE_GROUPS.subList(1, 3)));
        for (List<String> options : ATTRIBUTE_OPTIONS) {
            changeSets.add(EdsChangeSet.of(id(random), options.getFirst(), options.subList(1, options.size())));
        }
        changeSets.add(EdsChangeSet.of(id(random), "Outlet", OUTLETS));
        changeSets.add(EdsChangeSet.of(id(random), "Voucher", List.of("5001"))); // recorded, not synced
        // A few with several types at once, as RE batches them.
        for (int i = 0; i < Math.max(2, entities / 500); i++) {
            changeSets.add(new EdsChangeSet(id(random), List.of(
                    new EdsChangeSet.Group("Product", sample(random, productIds, 3)),
                    new EdsChangeSet.Group("Customer", sample(random, customerIds, 2)),
                    new EdsChangeSet.Group("Brand", List.of(String.valueOf(1 + random.nextInt(6)))))));
        }
        Collections.shuffle(changeSets, new java.util.Random(random.nextLong()));
        // One in ten without a ChangesetId (the gateway derives it); one in sixteen sent again later.
        List<EdsChangeSet> sends = new ArrayList<>();
        for (EdsChangeSet changeSet : changeSets) {
            sends.add(random.nextInt(10) == 0 ? new EdsChangeSet(null, changeSet.groups()) : changeSet);
        }
        List<EdsChangeSet> repeats = new ArrayList<>();
        for (EdsChangeSet send : sends) {
            if (random.nextInt(16) == 0) {
                repeats.add(send);
            }
        }
        repeats.forEach(repeat -> sends.add(sends.indexOf(repeat) + 1 + random.nextInt(sends.size() - sends.indexOf(repeat)), repeat));

        List<NativeCustomer> nativeCustomers = new ArrayList<>();
        for (int i = 0; i < natives; i++) {
            nativeCustomers.add(new NativeCustomer(i, "chaos-" + seed + "-shopper-" + i + "@example.com",
                    "Shopper", "Number" + (char) ('A' + i % 26) + i));
        }
        List<PlannedOrder> orders = new ArrayList<>();
        for (int i = 0; i < magentoOrders; i++) {
            Buyer buyer = Buyer.values()[i % 3];
            int customer = switch (buyer) {
                case GUEST -> -1;
                case RE_CUSTOMER -> random.nextInt(customers);
                case MAGENTO_CUSTOMER -> i / 3 % natives;
            };
            orders.add(new PlannedOrder(i, buyer, customer, random.nextInt(1 << 20), 1 + random.nextInt(3),
                    random.nextBoolean(), random.nextInt(3) != 0));
        }
        List<Integer> customerEdits = sample(random, customerIds, Math.max(2, customers / 10)).stream()
                .map(Integer::valueOf).toList();
        List<Integer> productChanges = sample(random, productIds, Math.max(3, products / 15)).stream()
                .map(Integer::valueOf).toList();
        return new WorkloadPlan(seed, entities, store, List.copyOf(sends), List.copyOf(orders),
                List.copyOf(nativeCustomers), customerEdits, productChanges, List.of("attributes", "products"));
    }

    /** The plan's size per kind. */
    String describe() {
        long invoicedInMagento = orders.stream().filter(PlannedOrder::invoiceInMagento).count();
        long fulfilled = orders.stream().filter(PlannedOrder::fulfil).count();
        int productsInChangeSets = sends.stream().flatMap(c -> c.groups().stream()).filter(g -> g.type().equals("Product"))
                .mapToInt(g -> g.ids().size()).sum();
        return "products " + store.products() + ", customers " + store.customers() + ", price groups " + PRICE_GROUPS.size()
                + ", attribute options " + ATTRIBUTE_OPTIONS.stream().mapToInt(o -> o.size() - 1).sum() + " (+ sizes by bulk)"
                + ", outlets " + OUTLETS.size() + ", RE orders " + store.orders() + ", Magento orders " + orders.size()
                + " (" + invoicedInMagento + " invoiced in Magento, " + (orders.size() - invoicedInMagento) + " paid in RE, "
                + fulfilled + " fulfilled in RE), Magento shoppers " + nativeCustomers.size() + ", customer edits "
                + customerEdits.size() + ", RE product changes " + productChanges.size() + "; EDS sends " + sends.size()
                + " (" + sends.stream().filter(c -> c.changeSetId() == null).count() + " without id, "
                + (sends.size() - sends.stream().distinct().count()) + " repeats, " + productsInChangeSets
                + " product mentions), bulk runs " + bulkRuns;
    }

    /** Distinct change sets sent (repeats once). */
    long distinctChangeSets(UUID clientId) {
        return sends.stream().map(c -> c.acknowledgedId(clientId, Gateways.SALES_CHANNEL)).distinct().count();
    }

    private static List<String> ids(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(String::valueOf).toList();
    }

    private static void chunks(SplittableRandom random, String type, List<String> ids, int max, List<EdsChangeSet> into) {
        for (int from = 0; from < ids.size(); ) {
            int to = Math.min(ids.size(), from + 1 + random.nextInt(max));
            into.add(EdsChangeSet.of(id(random), type, ids.subList(from, to)));
            from = to;
        }
    }

    private static List<String> sample(SplittableRandom random, List<String> ids, int count) {
        List<String> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, new java.util.Random(random.nextLong()));
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }

    private static String id(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
