package com.skylinksync.sandbox.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generator on its own: determinism, variety and internal consistency of customers and orders. */
class GeneratedCatalogueTest {

    private static final CatalogueSpec SPEC = new CatalogueSpec(42, 3_000, 2_000, 1_000);
    private final GeneratedCatalogue catalogue = new GeneratedCatalogue(SPEC);

    @Test
    void sameSeedGivesTheSameCatalogueAndAnotherSeedAnotherOne() {
        GeneratedCatalogue again = new GeneratedCatalogue(SPEC);
        GeneratedCatalogue other = new GeneratedCatalogue(new CatalogueSpec(43, 3_000, 2_000, 1_000));

        for (int i = 0; i < 200; i++) {
            int customerId = GeneratedCustomers.FIRST_ID + i * 7;
            int productId = GeneratedCatalogue.FIRST_PRODUCT_ID + i * 11;
            String orderId = GeneratedOrders.id(1 + i * 3);
            assertThat(again.customers().customer(customerId)).isEqualTo(catalogue.customers().customer(customerId));
            assertThat(again.product(productId)).isEqualTo(catalogue.product(productId));
            assertThat(again.orders().order(orderId)).isEqualTo(catalogue.orders().order(orderId));
        }
        assertThat(IntStream.range(0, 200).filter(i -> !other.customers().customer(GeneratedCustomers.FIRST_ID + i)
                .equals(catalogue.customers().customer(GeneratedCustomers.FIRST_ID + i))).count()).isGreaterThan(190);
        assertThat(IntStream.range(1, 201).filter(i -> !other.orders().order(GeneratedOrders.id(i))
                .equals(catalogue.orders().order(GeneratedOrders.id(i)))).count()).isGreaterThan(190);
        assertThat(IntStream.range(0, 200).filter(i -> !other.product(GeneratedCatalogue.FIRST_PRODUCT_ID + i)
                .equals(catalogue.product(GeneratedCatalogue.FIRST_PRODUCT_ID + i))).count()).isGreaterThan(150);
    }

    @Test
    void customersExistOnlyInTheirRange() {
        assertThat(catalogue.customers().customer(GeneratedCustomers.FIRST_ID - 1)).isEmpty();
        assertThat(catalogue.customers().customer(GeneratedCustomers.FIRST_ID)).isPresent();
        assertThat(catalogue.customers().customer(GeneratedCustomers.FIRST_ID + 1_999)).isPresent();
        assertThat(catalogue.customers().customer(GeneratedCustomers.FIRST_ID + 2_000)).isEmpty();
    }

    @Test
    void customersAreAsVariedAsRealRetailExpressData() {
        List<StoredCustomer> customers = IntStream.range(0, 2_000)
                .mapToObj(i -> catalogue.customers().customer(GeneratedCustomers.FIRST_ID + i).orElseThrow()).toList();
        Set<String> states = GeneratedCustomers.LOCALITIES.stream()
                .flatMap(l -> List.of(l.state(), l.stateCode()).stream()).collect(java.util.stream.Collectors.toSet());

        List<String> emails = customers.stream().map(c -> c.field("BillEmail")).filter(e -> !e.isEmpty()).toList();
        assertThat(emails).doesNotHaveDuplicates().allMatch(e -> e.matches("[a-z.]+\\.\\d+@example\\.[a-z.]+"));
        assertThat(customers.size() - emails.size()).as("customers without email").isBetween(10, 150);
        assertThat(customers).allSatisfy(c -> {
            assertThat(c.field("BillFirstName")).isNotBlank();
            assertThat(c.field("BillPostCode")).matches("\\d{4}");
            assertThat(states).contains(c.field("BillState"));
        });
        assertThat(customers).extracting(c -> c.field("BillState"))
                .contains("Queensland", "QLD", "New South Wales", "NSW", "Northern Territory", "NT");
        assertThat(customers).extracting(c -> c.field("BillCountry")).contains("Australia", "AU", "Aus");
        assertThat(customers).extracting(c -> c.field("ReceivesNews"))
                .contains("1", "0", "true", "false", "yes", "no", "");
        assertThat(customers).filteredOn(c -> !c.field("PriceGroupId").isEmpty()).hasSizeGreaterThan(100)
                .allMatch(c -> Set.of("2", "3", "4").contains(c.field("PriceGroupId")));
        assertThat(customers).filteredOn(c -> !c.field("FixedPriceGroupId").isEmpty()).hasSizeGreaterThan(50);
        assertThat(customers).filteredOn(c -> !c.field("DelAddress").isEmpty()).hasSizeGreaterThan(200)
                .allMatch(c -> !c.field("DelSuburb").isEmpty() && !c.field("DelPostCode").isEmpty());
        assertThat(customers).filteredOn(c -> !c.field("DelName").isEmpty()
                && !c.field("DelName").equals(c.field("BillFirstName") + " " + c.field("BillLastName")))
                .as("delivery to someone else").isNotEmpty()
                .anyMatch(c -> !c.field("DelName").contains(" "));
        assertThat(customers).filteredOn(c -> c.field("BillAddress").startsWith("Unit "))
                .allMatch(c -> !c.field("BillAddress2").isEmpty()).isNotEmpty();
        assertThat(customers).filteredOn(c -> !c.exportedToWeb()).isNotEmpty();
    }

    @Test
    void ordersAreForGeneratedCustomersAndProductsWithConsistentQuantities() {
        for (int number = 1; number <= 1_000; number++) {
            StoredOrder order = catalogue.orders().order(GeneratedOrders.id(number)).orElseThrow();
            assertThat(order.id()).matches("\\d+-\\d+").isEqualTo(order.fields().get("OrderId"));
            int customerId = Integer.parseInt(order.fields().get("CustomerId"));
            StoredCustomer customer = catalogue.customers().customer(customerId).orElseThrow();
            assertThat(order.fields().get("BillName"))
                    .isEqualTo(customer.field("BillFirstName") + " " + customer.field("BillLastName"));
            assertThat(order.items()).hasSizeBetween(1, 4);
            for (Map<String, String> item : order.items()) {
                StoredProduct product = catalogue.product(Integer.parseInt(item.get("ProductId"))).orElseThrow();
                assertThat(product.onChannel(1)).isTrue();
                assertThat(item.get("UnitPrice")).isEqualTo(product.field("DefaultPrice"));
                int shipped = order.fulfillments().stream()
                        .filter(f -> f.get("OrderItemId").equals(item.get("OrderItemId")))
                        .mapToInt(f -> Integer.parseInt(f.get("QtyFulfilled"))).sum();
                assertThat(Integer.parseInt(item.get("QtyFulfilled"))).isEqualTo(shipped)
                        .isLessThanOrEqualTo(Integer.parseInt(item.get("QtyOrdered")));
            }
        }
        assertThat(catalogue.orders().order(GeneratedOrders.id(0))).isEmpty();
        assertThat(catalogue.orders().order(GeneratedOrders.id(1_001))).isEmpty();
        assertThat(catalogue.orders().order("16-00000001")).isEmpty();
    }

    @Test
    void ordersAreFullyPartlyOrNotPaid() {
        int paid = 0;
        int partly = 0;
        int unpaid = 0;
        for (int number = 1; number <= 1_000; number++) {
            StoredOrder order = catalogue.orders().order(GeneratedOrders.id(number)).orElseThrow();
            BigDecimal total = new BigDecimal(order.fields().get("FreightTotal"));
            for (Map<String, String> item : order.items()) {
                total = total.add(new BigDecimal(item.get("UnitPrice")).multiply(new BigDecimal(item.get("QtyOrdered"))));
            }
            BigDecimal received = order.payments().stream().map(p -> new BigDecimal(p.get("Payment")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (order.payments().isEmpty()) {
                unpaid++;
                assertThat(order.fulfillments()).isEmpty();
                assertThat(order.fields().get("OrderStatus")).isIn("Quote", "Awaiting Payment");
            } else if (received.compareTo(total) == 0) {
                paid++;
            } else {
                partly++;
                assertThat(received).isPositive().isLessThan(total);
                assertThat(order.fields().get("OrderStatus")).isEqualTo("Incomplete");
            }
        }
        assertThat(paid).isGreaterThan(450);
        assertThat(partly).isGreaterThan(100);
        assertThat(unpaid).isGreaterThan(100);
    }

    @Test
    void fulfillmentsFormOneOrSeveralBatchesUnderTheThreeHundredSecondRule() {
        int oneBatchOfSeveral = 0;
        int severalBatches = 0;
        int slidingWouldMerge = 0;
        Set<String> fulfillmentIds = new HashSet<>();
        for (int number = 1; number <= 1_000; number++) {
            List<Map<String, String>> fulfillments = catalogue.orders().order(GeneratedOrders.id(number))
                    .orElseThrow().fulfillments();
            fulfillments.forEach(f -> assertThat(fulfillmentIds.add(f.get("FulfillmentID"))).isTrue());
            int batches = FulfillmentBatches.count(fulfillments);
            if (batches == 1 && fulfillments.size() > 1) {
                oneBatchOfSeveral++;
            }
            if (batches > 1) {
                severalBatches++;
            }
            if (batches > FulfillmentBatches.countSliding(fulfillments)) {
                slidingWouldMerge++;
            }
        }
        assertThat(oneBatchOfSeveral).isGreaterThan(50);
        assertThat(severalBatches).isGreaterThan(50);
        assertThat(slidingWouldMerge).as("chains of short steps that outgrow the first one's window").isPositive();
    }

    @Test
    void refusesOrdersWithoutCustomersToPlaceThem() {
        assertThatThrownBy(() -> new CatalogueSpec(1, 10, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogueSpec(1, 10, 10, GeneratedOrders.MAX_ORDERS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(new CatalogueSpec(1, 10, 10, 5))).isPresent();
    }
}
