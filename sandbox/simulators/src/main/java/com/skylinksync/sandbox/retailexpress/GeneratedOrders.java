package com.skylinksync.sandbox.retailexpress;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated RE orders {@code 17-00000001} upwards, each a pure function of the seed and its number: nothing is held.
 * Each is for a generated customer (whose addresses it copies, as RE does when the order is placed) and has 1 to 4
 * generated products on channel 1 at their generated prices. Payments and fulfillments vary the way the fulfillment
 * sync has to cope with: paid, part paid or unpaid; not shipped, shipped at once, shipped in several fulfillments
 * within RE's 300 s batch window, or over hours and days so that they form several batches, or only partly shipped.
 */
final class GeneratedOrders {

    /** The generated orders' prefix; the fixture and orders created through the API use {@code 16-}. */
    static final String PREFIX = "17-";
    private static final Pattern ID = Pattern.compile("17-(\\d{8})");
    /** Orders are placed in id order, one every half hour or so, from here (Sydney time, as RE writes dates). */
    private static final LocalDateTime FIRST_PLACED = LocalDateTime.of(2024, 1, 1, 8, 0);
    private static final int SPACING_SECONDS = 1_800;
    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000'");
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /**
     * Ids of items, payments and fulfillments are derived from the order number in ranges of their own, far above
     * the ids the simulator hands out to orders created through the API, so the two never meet.
     */
    private static final int FIRST_ITEM_ID = 100_000_000;
    private static final int FIRST_PAYMENT_ID = 200_000_000;
    private static final int FIRST_FULFILLMENT_ID = 300_000_000;
    private static final int MAX_ITEMS = 4;
    private static final int MAX_PAYMENTS = 2;
    /** Each item ships in at most two parts. */
    private static final int MAX_FULFILLMENTS = 2 * MAX_ITEMS;
    /** Keeps every derived id within an int. */
    static final int MAX_ORDERS = 10_000_000;
    private static final int[] PAYMENT_METHODS = {1, 2, 3, 6, 7, 13, 14, 19};
    private static final String[] FREIGHT = {"0.00", "9.95", "9.95", "15.00"};

    /** How an order has been shipped so far. */
    private enum Shipping { NOT_YET, AT_ONCE, WITHIN_WINDOW, OVER_DAYS, PARTLY }

    private final long seed;
    private final int count;
    private final GeneratedCatalogue products;
    private final GeneratedCustomers customers;

    GeneratedOrders(long seed, int count, GeneratedCatalogue products, GeneratedCustomers customers) {
        this.seed = seed;
        this.count = count;
        this.products = products;
        this.customers = customers;
    }

    static String id(int number) {
        return PREFIX + "%08d".formatted(number);
    }

    Optional<StoredOrder> order(String orderId) {
        Matcher matcher = ID.matcher(orderId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(matcher.group(1));
        return number >= 1 && number <= count ? Optional.of(generate(number)) : Optional.empty();
    }

    private StoredOrder generate(int number) {
        String orderId = id(number);
        SplittableRandom random = new SplittableRandom(seed * 0xD6E8FEB86659FD93L + number * 0x94D049BB133111EBL);
        int index = number - 1;
        LocalDateTime placed = FIRST_PLACED.plusSeconds((long) index * SPACING_SECONDS + random.nextInt(SPACING_SECONDS));
        StoredCustomer customer = customers.customer(GeneratedCustomers.FIRST_ID + random.nextInt(customers.count()))
                .orElseThrow();

        List<Map<String, String>> items = new ArrayList<>();
        List<Integer> ordered = new ArrayList<>();
        BigDecimal total = new BigDecimal(FREIGHT[random.nextInt(FREIGHT.length)]);
        String freight = total.toPlainString();
        for (int productId : productIds(random)) {
            int qty = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
            String price = products.product(productId).orElseThrow().field("DefaultPrice");
            total = total.add(new BigDecimal(price).multiply(BigDecimal.valueOf(qty)));
            Map<String, String> item = new LinkedHashMap<>();
            item.put("OrderItemId", String.valueOf(FIRST_ITEM_ID + index * MAX_ITEMS + items.size()));
            item.put("OrderId", orderId);
            item.put("ProductId", String.valueOf(productId));
            item.put("QtyOrdered", String.valueOf(qty));
            item.put("QtyFulfilled", "0");
            item.put("UnitPrice", price);
            items.add(item);
            ordered.add(qty);
        }

        int paying = random.nextInt(10);
        List<Map<String, String>> payments = paying < 6 ? paidInFull(orderId, index, placed, total, random)
                : paying < 8 ? partlyPaid(orderId, index, placed, total, random) : List.of();
        // Shops ship what has been paid for, at least in part; an unpaid order waits.
        Shipping shipping = payments.isEmpty() ? Shipping.NOT_YET
                : Shipping.values()[random.nextInt(Shipping.values().length)];
        List<Map<String, String>> fulfillments = fulfillments(orderId, index, placed, items, ordered, shipping,
                random);
        boolean allShipped = true;
        for (Map<String, String> item : items) {
            int shipped = fulfillments.stream().filter(f -> f.get("OrderItemId").equals(item.get("OrderItemId")))
                    .mapToInt(f -> Integer.parseInt(f.get("QtyFulfilled"))).sum();
            item.put("QtyFulfilled", String.valueOf(shipped));
            allShipped &= shipped >= Integer.parseInt(item.get("QtyOrdered"));
        }
        String status = payments.isEmpty() ? (random.nextInt(3) == 0 ? "Quote" : "Awaiting Payment")
                : allShipped && paying < 6 ? "Processed" : "Incomplete";
        return new StoredOrder(orderId, orderFields(orderId, customer, placed, status, freight, random), items,
                payments, fulfillments);
    }

    /** 1 to 4 distinct generated products. */
    private Set<Integer> productIds(SplittableRandom random) {
        int wanted = Math.min(1 + random.nextInt(MAX_ITEMS), products.spec().products());
        Set<Integer> ids = new LinkedHashSet<>();
        while (ids.size() < wanted) {
            ids.add(GeneratedCatalogue.FIRST_PRODUCT_ID + random.nextInt(products.spec().products()));
        }
        return ids;
    }

    /** The order record: RE copies the customer's addresses into it, so later customer changes do not show here. */
    private static Map<String, String> orderFields(String orderId, StoredCustomer customer, LocalDateTime placed,
                                                   String status, String freight, SplittableRandom random) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("OrderId", orderId);
        f.put("CustomerId", String.valueOf(customer.id()));
        f.put("DateCreated", ORDER_DATE.format(placed));
        f.put("OrderStatus", status);
        f.put("BillName", (customer.field("BillFirstName") + " " + customer.field("BillLastName")).strip());
        for (String field : List.of("BillEmail", "BillCompany", "BillAddress", "BillAddress2", "BillSuburb",
                "BillState", "BillPostCode", "BillCountry", "BillPhone", "BillFax", "DelName", "DelCompany",
                "DelAddress", "DelAddress2", "DelSuburb", "DelState", "DelPostCode", "DelCountry", "DelPhone")) {
            f.put(field, customer.field(field));
        }
        f.put("FreightTotal", freight);
        f.put("PublicComments", random.nextInt(10) == 0 ? "Please leave at the back door" : "");
        f.put("PrivateComments", random.nextInt(20) == 0 ? "Customer called about delivery" : "");
        return f;
    }

    /** One payment of the total, or a deposit and the rest. */
    private static List<Map<String, String>> paidInFull(String orderId, int index, LocalDateTime placed,
                                                        BigDecimal total, SplittableRandom random) {
        if (random.nextInt(4) != 0) {
            return List.of(payment(orderId, index, 0, placed.plusMinutes(1 + random.nextInt(10)), total, random));
        }
        BigDecimal deposit = part(total, random);
        return List.of(payment(orderId, index, 0, placed.plusMinutes(1 + random.nextInt(10)), deposit, random),
                payment(orderId, index, 1, placed.plusHours(1 + random.nextInt(48)), total.subtract(deposit), random));
    }

    private static List<Map<String, String>> partlyPaid(String orderId, int index, LocalDateTime placed,
                                                        BigDecimal total, SplittableRandom random) {
        return List.of(payment(orderId, index, 0, placed.plusMinutes(1 + random.nextInt(10)), part(total, random),
                random));
    }

    /** 20 % to 80 % of the amount, in cents, so a part payment is never the whole nor nothing. */
    private static BigDecimal part(BigDecimal amount, SplittableRandom random) {
        long cents = amount.movePointRight(2).longValueExact();
        return BigDecimal.valueOf(Math.max(1, cents * (20 + random.nextInt(61)) / 100), 2);
    }

    private static Map<String, String> payment(String orderId, int index, int nth, LocalDateTime at,
                                               BigDecimal amount, SplittableRandom random) {
        return OrderFixtures.payment(String.valueOf(FIRST_PAYMENT_ID + index * MAX_PAYMENTS + nth), orderId,
                String.valueOf(PAYMENT_METHODS[random.nextInt(PAYMENT_METHODS.length)]), EVENT_DATE.format(at),
                amount.toPlainString());
    }

    /** A quantity of one item (by position) to ship. */
    private record Shipment(int item, int qty) {
    }

    /** A shipment, seconds after the first fulfillment of the order. */
    private record Part(Shipment shipment, long offsetSeconds) {
    }

    /**
     * The order's fulfillments in time order, numbered in that order. Times are chosen against RE's batch rule (a batch holds the fulfillments up to 300 s
     * after its first one; the window does not slide), so some orders are one batch of several fulfillments and
     * some are several batches, including chains where each step is under 300 s but the whole is not.
     */
    private static List<Map<String, String>> fulfillments(String orderId, int index, LocalDateTime placed,
                                                          List<Map<String, String>> items, List<Integer> ordered,
                                                          Shipping shipping, SplittableRandom random) {
        if (shipping == Shipping.NOT_YET) {
            return List.of();
        }
        boolean split = shipping != Shipping.AT_ONCE;
        List<Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            int qty = ordered.get(i);
            if (split && qty > 1 && random.nextBoolean()) {
                shipments.add(new Shipment(i, 1));
                shipments.add(new Shipment(i, qty - 1));
            } else {
                shipments.add(new Shipment(i, qty));
            }
        }
        if (shipping == Shipping.PARTLY && shipments.size() > 1) {
            shipments.removeLast(); // that stock has not arrived yet
        }
        List<Part> parts = new ArrayList<>();
        long offset = 0;
        for (Shipment shipment : shipments) {
            parts.add(new Part(shipment, offset));
            offset = switch (shipping) {
                // The picker scans the items one after another.
                case AT_ONCE -> offset + random.nextInt(20);
                // Always measured from the first fulfillment, so all stay inside its window.
                case WITHIN_WINDOW -> 1 + random.nextInt(299);
                // Steps of under 300 s can still add up past the first's window; long steps surely do.
                default -> offset + (random.nextBoolean() ? 60 + random.nextInt(200) : 301 + random.nextInt(172_800));
            };
        }
        LocalDateTime first = placed.plusMinutes(60 + random.nextInt(3 * 24 * 60));
        parts.sort(Comparator.comparingLong(Part::offsetSeconds));
        List<Map<String, String>> records = new ArrayList<>();
        for (Part part : parts) {
            Map<String, String> record = new LinkedHashMap<>();
            record.put("FulfillmentID", String.valueOf(FIRST_FULFILLMENT_ID + index * MAX_FULFILLMENTS
                    + records.size()));
            record.put("OrderId", orderId);
            record.put("OrderItemId", items.get(part.shipment().item()).get("OrderItemId"));
            record.put("DateFulfilled", EVENT_DATE.format(first.plusSeconds(part.offsetSeconds())));
            record.put("QtyFulfilled", String.valueOf(part.shipment().qty()));
            records.add(record);
        }
        return records;
    }
}
