package com.skylinksync.sandbox.retailexpress;

import static com.skylinksync.sandbox.retailexpress.SoapTestClient.children;
import static com.skylinksync.sandbox.retailexpress.SoapTestClient.elements;
import static com.skylinksync.sandbox.retailexpress.SoapTestClient.escaped;
import static com.skylinksync.sandbox.retailexpress.SoapTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.Call;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Generated customers and orders as a client sees them: over SOAP, with RE's quirks. */
class GeneratedCatalogueSoapTest {

    private static final CatalogueSpec SPEC = new CatalogueSpec(11, 600, 500, 300);
    private static final int FIRST = GeneratedCustomers.FIRST_ID;

    private final GeneratedCatalogue expected = new GeneratedCatalogue(SPEC);
    private RetailExpressSimulator simulator;
    private SoapTestClient soap;

    @BeforeEach
    void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0), SPEC);
        soap = new SoapTestClient(simulator);
    }

    @AfterEach
    void stop() {
        soap.close();
        simulator.close();
    }

    @Test
    void servesManyGeneratedCustomersInOneGetCustomersCall() throws Exception {
        List<Integer> asked = IntStream.range(0, 200).map(i -> FIRST + 499 - i * 2).boxed().toList();
        String ints = asked.stream().map(id -> "<re:int>" + id + "</re:int>").collect(Collectors.joining());

        Document reply = soap.call("<re:GetCustomers><re:CustomerIds><re:int>300000</re:int>" + ints
                + "<re:int>" + (FIRST + 500) + "</re:int></re:CustomerIds></re:GetCustomers>");

        List<Element> customers = elements(reply, "Customer");
        assertThat(customers).extracting(c -> Integer.valueOf(text(c, "CustomerId")))
                .first().isEqualTo(300000);
        assertThat(customers.subList(1, customers.size())).extracting(c -> Integer.valueOf(text(c, "CustomerId")))
                .as("the generated ones in the order asked; one past the range is unknown")
                .containsExactlyElementsOf(asked);
        for (Element served : customers.subList(1, customers.size())) {
            StoredCustomer generated = expected.customers().customer(Integer.parseInt(text(served, "CustomerId")))
                    .orElseThrow();
            assertThat(text(served, "BillLastName")).isEqualTo(generated.field("BillLastName"));
            assertThat(text(served, "BillEmail")).isEqualTo(generated.field("BillEmail"));
            assertThat(text(served, "BillState")).isEqualTo(generated.field("BillState"));
            assertThat(text(served, "ReceivesNews")).isEqualTo(generated.field("ReceivesNews"));
            assertThat(text(served, "BillPostCode")).as("padded to 30 as RE does").hasSize(30)
                    .startsWith(generated.field("BillPostCode"));
        }
        assertThat(simulator.calls()).last().extracting(Call::ids).asList().hasSize(202);
    }

    @Test
    void listsGeneratedCustomerIdsAfterTheFixturesWithRetailExpressFilters() throws Exception {
        List<String> all = elements(soap.call("<re:GetCustomerIds><re:OnlyCustomersForExport>false"
                + "</re:OnlyCustomersForExport><re:OnlyCustomersWithEmails>false</re:OnlyCustomersWithEmails>"
                + "</re:GetCustomerIds>"), "CustomerId").stream().map(Element::getTextContent).toList();
        List<String> exportedWithEmail = elements(soap.call("<re:GetCustomerIds/>"), "CustomerId").stream()
                .map(Element::getTextContent).toList();

        assertThat(all).hasSize(502).startsWith("300000", "300001", String.valueOf(FIRST))
                .endsWith(String.valueOf(FIRST + 499));
        Predicate<StoredCustomer> listedByDefault = c -> c.exportedToWeb() && c.hasEmail();
        long generatedListed = IntStream.range(FIRST, FIRST + 500)
                .filter(id -> listedByDefault.test(expected.customers().customer(id).orElseThrow())).count();
        assertThat(exportedWithEmail).hasSize(2 + (int) generatedListed).hasSizeLessThan(all.size());
    }

    @Test
    void customerCreateUpdateOnAGeneratedCustomerOverridesIt() throws Exception {
        int id = FIRST + 7;
        StoredCustomer before = expected.customers().customer(id).orElseThrow();

        Element result = elements(soap.call("<re:CustomerCreateUpdate><re:CustomerXML>"
                + escaped("<Customers><Customer><CustomerId>" + id + "</CustomerId><BillFirstName>Renamed"
                + "</BillFirstName><BillPostCode>0870</BillPostCode><ReceivesNews>1</ReceivesNews></Customer>"
                + "</Customers>") + "</re:CustomerXML></re:CustomerCreateUpdate>"), "Customer").getFirst();
        assertThat(text(result, "CustomerId") + "|" + text(result, "Result")).isEqualTo(id + "|Success");

        List<Element> read = elements(soap.call("<re:GetCustomers><re:CustomerIds><re:int>" + id + "</re:int>"
                + "<re:int>" + (id + 1) + "</re:int></re:CustomerIds></re:GetCustomers>"), "Customer");
        assertThat(text(read.get(0), "BillFirstName")).isEqualTo("Renamed");
        assertThat(text(read.get(0), "BillPostCode").strip()).isEqualTo("0870");
        assertThat(text(read.get(0), "ReceivesNews")).isEqualTo("1");
        assertThat(text(read.get(0), "BillLastName")).as("untouched fields stay generated")
                .isEqualTo(before.field("BillLastName"));
        assertThat(text(read.get(0), "BillEmail")).isEqualTo(before.field("BillEmail"));
        assertThat(text(read.get(1), "BillFirstName"))
                .isEqualTo(expected.customers().customer(id + 1).orElseThrow().field("BillFirstName"));
        assertThat(elements(soap.call("<re:GetCustomerIds><re:OnlyCustomersForExport>false"
                + "</re:OnlyCustomersForExport><re:OnlyCustomersWithEmails>false</re:OnlyCustomersWithEmails>"
                + "</re:GetCustomerIds>"), "CustomerId")).as("still listed once").hasSize(502);
    }

    @Test
    void servesAGeneratedOrderWhoseFulfillmentsFormSeveralBatches() throws Exception {
        String orderId = firstOrder(o -> FulfillmentBatches.count(o.fulfillments()) > 1 && !o.payments().isEmpty());

        Document reply = soap.call("<re:GetOrder><re:OrderId>" + orderId + "</re:OrderId></re:GetOrder>");

        Element order = elements(reply, "Order").getFirst();
        assertThat(text(order, "OrderId")).isEqualTo(orderId).matches("\\d+-\\d+");
        int customerId = Integer.parseInt(text(order, "CustomerId"));
        assertThat(expected.customers().customer(customerId)).isPresent();
        List<Element> payments = children(elements(reply, "Payments").getFirst(), "Payment");
        assertThat(payments).isNotEmpty().allSatisfy(p -> {
            assertThat(text(p, "OrderPaymentId")).isNotBlank();
            assertThat(text(p, "Payment")).as("the amount is a <Payment> inside <Payment>").matches("\\d+\\.\\d\\d");
        });
        List<Map<String, String>> fulfillments = fulfillmentsOf(reply);
        assertThat(fulfillments).allSatisfy(f -> assertThat(f.get("FulfillmentID")).matches("\\d+"));
        assertThat(FulfillmentBatches.count(fulfillments)).isGreaterThan(1);
        List<String> itemIds = elements(reply, "OrderItem").stream().map(i -> text(i, "OrderItemId")).toList();
        assertThat(fulfillments).extracting(f -> f.get("OrderItemId")).allMatch(itemIds::contains);
        assertThat(simulator.calls()).last().extracting(Call::ids).asList().containsExactly(orderId);
    }

    @Test
    void servesAGeneratedOrderWithSeveralFulfillmentsInOneBatch() throws Exception {
        String orderId = firstOrder(o -> o.fulfillments().size() > 1 && FulfillmentBatches.count(o.fulfillments()) == 1);

        List<Map<String, String>> fulfillments = fulfillmentsOf(
                soap.call("<re:GetOrder><re:OrderId>" + orderId + "</re:OrderId></re:GetOrder>"));

        assertThat(fulfillments).hasSizeGreaterThan(1);
        assertThat(FulfillmentBatches.count(fulfillments)).isEqualTo(1);
    }

    @Test
    void aPaymentAddedToAGeneratedOrderIsKept() throws Exception {
        String orderId = firstOrder(o -> o.payments().isEmpty());

        soap.call("<re:OrderAddPayment><re:OrderPaymentXML>" + escaped("<OrderPayments><OrderPayment><OrderId>"
                + orderId + "</OrderId><MethodId>1</MethodId><Amount>5.00</Amount><DateCreated>2024-02-01T10:00:00"
                + "</DateCreated></OrderPayment></OrderPayments>") + "</re:OrderPaymentXML></re:OrderAddPayment>");

        Document reply = soap.call("<re:GetOrder><re:OrderId>" + orderId + "</re:OrderId></re:GetOrder>");
        assertThat(children(elements(reply, "Payments").getFirst(), "Payment")).singleElement()
                .extracting(p -> text(p, "Payment")).isEqualTo("5.00");
        assertThat(elements(reply, "OrderItem")).hasSize(expected.orders().order(orderId).orElseThrow().items().size());
    }

    @Test
    void journalsTheChannelOfByChannelCalls() throws Exception {
        soap.call("<re:GetProductsByChannel><re:ProductIds><re:int>" + GeneratedCatalogue.FIRST_PRODUCT_ID
                + "</re:int></re:ProductIds><re:ChannelId>1</re:ChannelId></re:GetProductsByChannel>");
        soap.call("<re:GetOutletsByChannel><re:ChannelId>2</re:ChannelId></re:GetOutletsByChannel>");
        soap.call("<re:GetAllPriceGroups/>");

        assertThat(simulator.calls()).extracting(Call::operation, Call::ids, Call::channelId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GetProductsByChannel",
                        List.of(String.valueOf(GeneratedCatalogue.FIRST_PRODUCT_ID)), 1),
                org.assertj.core.groups.Tuple.tuple("GetOutletsByChannel", List.of(), 2),
                org.assertj.core.groups.Tuple.tuple("GetAllPriceGroups", List.of(), null));
    }

    private String firstOrder(Predicate<StoredOrder> wanted) {
        return IntStream.rangeClosed(1, SPEC.orders()).mapToObj(GeneratedOrders::id)
                .map(id -> expected.orders().order(id).orElseThrow()).filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("No generated order of that kind")).id();
    }

    private static List<Map<String, String>> fulfillmentsOf(Document reply) {
        return elements(reply, "Fulfillment").stream().map(f -> {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : List.of("FulfillmentID", "OrderItemId", "DateFulfilled", "QtyFulfilled")) {
                fields.put(name, text(f, name));
            }
            return fields;
        }).toList();
    }
}
