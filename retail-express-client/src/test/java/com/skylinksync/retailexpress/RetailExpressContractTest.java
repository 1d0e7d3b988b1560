package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.attributes.ProductAttributes;
import com.skylinksync.retailexpress.orders.BatchThreshold;
import com.skylinksync.retailexpress.orders.CreatedOrder;
import com.skylinksync.retailexpress.orders.DeliveryMethod;
import com.skylinksync.retailexpress.orders.ItemQty;
import com.skylinksync.retailexpress.orders.NewOrder;
import com.skylinksync.retailexpress.orders.NewOrderItem;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.orders.OrderStatus;
import com.skylinksync.retailexpress.orders.Payment;
import com.skylinksync.retailexpress.outlets.Outlet;
import com.skylinksync.retailexpress.payments.NewPayment;
import com.skylinksync.retailexpress.payments.PaymentMethod;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.retailexpress.pricing.TaxRate;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.Matrix;
import com.skylinksync.retailexpress.products.MatrixPolicies;
import com.skylinksync.retailexpress.products.Product;
import com.skylinksync.retailexpress.products.ProductEta;
import com.skylinksync.retailexpress.products.ProductMapping;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.Call;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every V2 operation over real SOAP, feature clients against simulator, checked against the reference's Behat data.
 * The customer operations are in {@link RetailExpressCustomersTest}, {@code GetProductIdsByChannel} in
 * {@link ProductIdsByChannelTest}.
 */
class RetailExpressContractTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static RetailExpressSimulator simulator;
    private static RetailExpressCustomers customers;
    private static RetailExpressCatalogue catalogue;
    private static RetailExpressSales sales;
    private static ChangeSetAcknowledgements acknowledgements;

    @BeforeAll
    static void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        // About the operations, not the budget (ApiBudgetClusterTest is): a quick run must not meet RE's 25/s.
        simulator.budget(SimulatedBudget.unlimited());
        RetailExpressTransport transport = ProductIdsByChannelTest.transportOf(simulator);
        customers = new RetailExpressCustomers(transport);
        catalogue = new RetailExpressCatalogue(transport);
        sales = new RetailExpressSales(transport);
        acknowledgements = new ChangeSetAcknowledgements(transport);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static List<Call> callsDuring(Runnable action) {
        int before = simulator.calls().size();
        action.run();
        List<Call> all = simulator.calls();
        return all.subList(before, all.size());
    }

    @Test
    void sixPriceGroupsKeyedByType() {
        List<PriceGroup> groups = catalogue.getAllPriceGroups();

        assertThat(groups).hasSize(6).doesNotHaveDuplicates();
        assertThat(groups).contains(new PriceGroup(new PriceGroupKey(PriceGroupType.FIXED, 1), "VIP"),
                new PriceGroup(new PriceGroupKey(PriceGroupType.STANDARD, 2), "Bronze"));
    }

    @Test
    void attributesOfAllEightCodes() {
        ProductAttributes attributes = catalogue.getAllProductAttributes();

        assertThat(attributes.of(AttributeCode.BRAND)).hasSize(6);
        assertThat(attributes.of(AttributeCode.COLOUR)).contains(new AttributeOption(AttributeCode.COLOUR, "12", "Black"));
        assertThat(attributes.of(AttributeCode.SIZE)).extracting(AttributeOption::id).containsExactly("S", "M", "L");
        assertThat(attributes.of(AttributeCode.CUSTOM_1)).extracting(AttributeOption::label)
                .containsExactly("Cotton", "Wool");
        assertThat(attributes.of(AttributeCode.CUSTOM_3)).isEmpty();
        assertThat(attributes.of(AttributeCode.PRODUCT_TYPE)).extracting(AttributeOption::id).contains("2", "5");
    }

    @Test
    void manyProductsInOneCallGroupedIntoSimpleProductsAndTheMatrix() {
        ChannelProducts[] fetched = new ChannelProducts[1];
        List<Call> calls = callsDuring(() ->
                fetched[0] = catalogue.getProductsByChannel(List.of(124005, 124006, 124009, 999999), 1));

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("GetProductsByChannel");
            assertThat(call.ids()).containsExactly("124005", "124006", "124009", "999999");
        });
        ChannelProducts products = fetched[0];
        assertThat(products.simpleProducts()).extracting(Product::id).containsExactlyInAnyOrder(124005, 124006);
        assertThat(products.contains(999999)).isFalse();
        Matrix matrix = products.matrices().getFirst();
        assertThat(products.matrices()).hasSize(1);
        assertThat(matrix.sku()).isEqualTo("BSS-THAW16");
        assertThat(matrix.children()).extracting(Product::id)
                .containsExactlyInAnyOrder(124007, 124008, 124009, 124010, 124011, 124012);
        assertThat(matrix.option(AttributeCode.SIZE)).isEmpty();
        assertThat(products.matrixOf(124012)).contains(matrix);
        assertThat(products.rejected()).isEmpty();

        Product beanie = products.simpleProduct(124005).orElseThrow();
        assertThat(beanie.sku()).isEqualTo("HB0011OSFA");
        assertThat(beanie.manufacturerSku()).isEqualTo("HB0011");
    }

    @Test
    void product124006AsTheReferenceDescribesIt() {
        Product scarf = catalogue.getProductsByChannel(List.of(124006), 1).simpleProduct(124006).orElseThrow();

        assertThat(scarf.sku()).isEqualTo("SC0011OSFA");
        assertThat(scarf.inventory().managed()).isTrue();
        assertThat(scarf.inventory().available()).isEqualTo(100);
        assertThat(scarf.inventory().onOrder()).isZero();
        assertThat(scarf.qtyAtOutlet(2).qty()).isEqualTo(100);
        assertThat(scarf.qtyAtOutlet(3).qty()).isZero();
        assertThatThrownBy(() -> scarf.qtyAtOutlet(4)).isInstanceOf(NoSuchElementException.class)
                .hasMessage("Product #124006 does not have a quantity specified for Outlet #4");
        assertThat(scarf.name()).isEqualTo("Scarf");
        assertThat(scarf.description()).isEqualTo("**Warm** scarf");
        assertThat(scarf.pricing().regularPrice()).isEqualByComparingTo("29.95");
        assertThat(scarf.pricing().taxRate()).isEqualTo(TaxRate.parse("0.1"));
        assertThat(scarf.pricing().groupPrice(new PriceGroupKey(PriceGroupType.STANDARD, 2))).hasValueSatisfying(
                p -> assertThat(p).isEqualByComparingTo("27.50"));
        assertThat(scarf.pricing().groupPrice(new PriceGroupKey(PriceGroupType.FIXED, 1))).hasValueSatisfying(
                p -> assertThat(p).isEqualByComparingTo("20.00"));
        var special = scarf.pricing().special().orElseThrow();
        assertThat(special.price()).isEqualByComparingTo("24.95");
        assertThat(special.from()).isEqualTo(LocalDateTime.parse("2017-03-01T00:00:00").atZone(SYDNEY).toInstant());
        assertThat(special.to()).isEqualTo(LocalDateTime.parse("2017-03-31T23:59:59").atZone(SYDNEY).toInstant());
        assertThat(scarf.packageSize().cubicWeight()).isEqualByComparingTo("0.75"); // 0.3 × 0.2 × 0.05 × 250
        assertThat(scarf.option(AttributeCode.BRAND)).map(AttributeOption::id).contains("3");
        assertThat(scarf.option(AttributeCode.SIZE)).isEmpty();
    }

    @Test
    void aProductMappingChoosesTheFieldsOfNameAndPrices() {
        ProductMapping promotionalFirst = new ProductMapping(ProductMapping.NameField.CUSTOM_1,
                ProductMapping.PriceField.PROMOTIONAL_PRICE, ProductMapping.PriceField.RRP, MatrixPolicies.DEFAULT);

        Product scarf = catalogue.getProductsByChannel(List.of(124006), 1, promotionalFirst).simpleProduct(124006)
                .orElseThrow();

        assertThat(scarf.name()).isEqualTo("Scarf"); // Custom1 is empty: the description instead
        assertThat(scarf.pricing().regularPrice()).isEqualByComparingTo("24.95");
        // RRP is empty: the promotional price instead, without the promotion's dates (RRP is not timed)
        assertThat(scarf.pricing().special()).hasValueSatisfying(special -> {
            assertThat(special.price()).isEqualByComparingTo("24.95");
            assertThat(special.from()).isNull();
            assertThat(special.to()).isNull();
        });
    }

    @Test
    void product124006IsAbsentOnChannelTwo() {
        ChannelProducts products = catalogue.getProductsByChannel(List.of(124006), 2);

        assertThat(products.contains(124006)).isFalse();
        assertThat(products.allProducts()).isEmpty();
    }

    @Test
    void askingForOneMatrixChildBringsAllSiblings() {
        ChannelProducts products = catalogue.getProductsByChannel(List.of(124010), 1);

        assertThat(products.simpleProducts()).isEmpty();
        assertThat(products.matrices()).singleElement().satisfies(m -> assertThat(m.children()).hasSize(6));
    }

    @Test
    void etaOnlyWhereRetailExpressGivesOne() {
        Map<Integer, Integer> asked = new LinkedHashMap<>();
        asked.put(124005, 25);
        asked.put(124006, 50);

        List<ProductEta> etas = catalogue.getProductEtas(1, asked);

        assertThat(etas).extracting(ProductEta::productId).containsExactly(124005, 124006);
        assertThat(etas.get(0).expectedAt()).contains(
                LocalDateTime.parse("2017-04-03T09:00:00").atZone(SYDNEY).toInstant());
        assertThat(etas.get(1).expectedAt()).isEmpty();
        assertThatThrownBy(() -> catalogue.getProductEtas(1, Map.of(124005, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeOutletsOnChannelOne() {
        List<Outlet> outlets = sales.getOutletsByChannel(1);

        assertThat(outlets).hasSize(3);
        assertThat(outlets).extracting(Outlet::id, Outlet::name).startsWith(
                org.assertj.core.groups.Tuple.tuple(1, "Maroon Outlet"), org.assertj.core.groups.Tuple.tuple(2, "Blue Outlet"));
        assertThat(outlets.get(1).address().render())
                .isEqualTo("Level 2\n200 George St\nSydney New South Wales 2000\nAustralia");
    }

    @Test
    void twentyFivePaymentMethodsCashFirst() {
        List<PaymentMethod> methods = sales.getPaymentMethods();

        assertThat(methods).hasSize(25);
        assertThat(methods.getFirst()).isEqualTo(new PaymentMethod(1, "Cash", true));
        assertThat(methods).filteredOn(m -> !m.enabled()).extracting(PaymentMethod::id).containsExactly(24, 25);
    }

    @Test
    void voucherBalanceAndUnknownVoucher() {
        assertThat(sales.getVoucher("2ZPS40YV")).hasValueSatisfying(v ->
                assertThat(v.balance()).isEqualByComparingTo("100"));
        assertThat(sales.getVoucher("NOPE")).isEmpty();
        assertThat(sales.getVoucher("SPENT0000")).isEmpty();
    }

    @Test
    void order16_00000001WithPaymentsAndOneFulfillment() {
        Order order = sales.getOrder("16-00000001").orElseThrow();

        assertThat(order.customerId()).isEqualTo(300000);
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(order.createdAt()).isEqualTo(LocalDateTime.parse("2017-03-20T10:15:00").atZone(SYDNEY).toInstant());
        assertThat(order.billing().firstName()).isEqualTo("Joey");
        assertThat(order.billing().lastName()).isEqualTo("Bloggs");
        assertThat(order.billing().address().postcode()).isEqualTo("4000");
        assertThat(order.shipping().firstName()).isEqualTo("Joey");
        assertThat(order.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(501);
            assertThat(i.qty()).isEqualTo(ItemQty.of(1, 1));
        });
        assertThat(order.payments()).extracting(Payment::id, Payment::methodId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(901, 1), org.assertj.core.groups.Tuple.tuple(902, 2));
        assertThat(order.totalPaid()).isEqualByComparingTo("29.95");
        assertThat(order.total()).isEqualByComparingTo("29.95");
        assertThat(order.isPaid()).isTrue();
        assertThat(order.isFulfilled()).isTrue();
        assertThat(order.fulfillmentBatches(BatchThreshold.DEFAULT)).singleElement().satisfies(b -> {
            assertThat(b.fulfillments()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(77));
            assertThat(b.id()).isEqualTo("28dd2c7955ce926456240b2ff0100bde"); // md5("77")
        });
        assertThat(sales.getOrder("16-99999999")).isEmpty();
    }

    @Test
    void placesAnOrderForANewCustomerThenPaysIt() {
        Instant placed = LocalDateTime.parse("2017-03-20T10:15:00").atZone(SYDNEY).toInstant();
        Contact billing = new Contact("Ben", "Corlett", "", Address.EMPTY, "", "");
        Contact shipping = new Contact("Ben", "Corlett", "Acme",
                new Address("1 George Street", "", "Sydney", "New South Wales", "2000", "AU"), "", "");
        NewOrder order = NewOrder.forNewCustomer("hello123", placed, OrderStatus.PENDING,
                        "hello+2017-03-20-10-15-00@example.com", billing, shipping, new BigDecimal("10.00"),
                        List.of(new NewOrderItem(124005, ItemQty.of(1), new BigDecimal("19.95"), TaxRate.parse("0.1"))))
                .withDelivery(DeliveryMethod.HOME, "Australia Post");

        CreatedOrder created = sales.createOrder(1, order);

        assertThat(created.orderId()).matches("16-\\d{8}").isNotEqualTo("16-00000001");
        assertThat(customers.getCustomer(created.customerId())).hasValueSatisfying(c ->
                assertThat(c.email()).isEqualTo("hello+2017-03-20-10-15-00@example.com"));
        Order read = sales.getOrder(created.orderId()).orElseThrow();
        assertThat(read.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(read.customerId()).isEqualTo(created.customerId());
        assertThat(read.createdAt()).isEqualTo(placed);
        assertThat(read.shipping()).isEqualTo(shipping);
        assertThat(read.total()).isEqualByComparingTo("29.95");
        assertThat(read.isPaid()).isFalse();
        assertThat(read.isFulfilled()).isFalse();

        int[] paymentIds = new int[2];
        List<Call> calls = callsDuring(() -> {
            sales.addPayment(NewPayment.normal(created.orderId(), 1, new BigDecimal("9.95"), placed));
            paymentIds[0] = sales.getOrder(created.orderId()).flatMap(Order::latestPayment).orElseThrow().id();
            sales.addPayment(NewPayment.normal(created.orderId(), 2, new BigDecimal("20.00"), placed));
            paymentIds[1] = sales.getOrder(created.orderId()).flatMap(Order::latestPayment).orElseThrow().id();
        });

        // The payment's id is not in OrderAddPayment's answer: the caller reads it back, as a call of its own.
        assertThat(calls).extracting(Call::operation)
                .containsExactly("OrderAddPayment", "GetOrder", "OrderAddPayment", "GetOrder");
        assertThat(paymentIds[1]).isGreaterThan(paymentIds[0]);
        Order paid = sales.getOrder(created.orderId()).orElseThrow();
        assertThat(paid.payments()).extracting(Payment::id).containsExactly(paymentIds[0], paymentIds[1]);
        assertThat(paid.payments()).extracting(Payment::methodId).containsExactly(1, 2);
        assertThat(paid.latestPayment()).map(Payment::id).contains(paymentIds[1]);
        assertThat(paid.isPaid()).isTrue();
    }

    @Test
    void anOrderForAProductNotOnTheChannelIsABusinessFailure() {
        NewOrder order = NewOrder.forCustomer(300000, Instant.now(), OrderStatus.PROCESSING, "joe@testing.com",
                Contact.EMPTY, Contact.EMPTY, BigDecimal.ZERO,
                List.of(new NewOrderItem(124006, ItemQty.of(1), BigDecimal.TEN, TaxRate.NONE)));

        assertThatThrownBy(() -> sales.createOrder(2, order)).isInstanceOf(RetailExpressException.Business.class)
                .hasMessageContaining("not on channel 2");
    }

    @Test
    void aPaymentForAnUnknownOrderIsABusinessFailure() {
        assertThatThrownBy(() -> sales.addPayment(NewPayment.normal("16-99999999", 1, BigDecimal.ONE, Instant.now())))
                .isInstanceOf(RetailExpressException.Business.class).hasMessageContaining("Order not found");
    }

    @Test
    void changeSetProcessedIsAcknowledged() {
        String changeSet = UUID.randomUUID().toString();

        acknowledgements.changeSetProcessed(changeSet);
        acknowledgements.changeSetProcessed(changeSet);

        assertThat(simulator.processedChangeSets()).containsSubsequence(changeSet, changeSet);
        assertThat(simulator.calls()).anySatisfy(call -> {
            assertThat(call.operation()).isEqualTo("ChangeSetProcessed");
            assertThat(call.ids()).containsExactly(changeSet);
        });
    }
}
