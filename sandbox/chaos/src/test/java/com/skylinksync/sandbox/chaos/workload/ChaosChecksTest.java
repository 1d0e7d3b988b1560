package com.skylinksync.sandbox.chaos.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks against the simulators alone (no stack, so in every build): each passes on what a correct system
 * leaves behind and fails, naming the culprit, on a violation made directly through the simulators.
 */
class ChaosChecksTest {

    private static final String ORDER_XML = "<Orders><Order><CustomerId>300000</CustomerId><OrderStatus>Quote</OrderStatus>"
            + "<PrivateComments>Magento order #000000007 (id 7)</PrivateComments><OrderItems><OrderItem><ProductId>124006"
            + "</ProductId><QtyOrdered>1</QtyOrdered><UnitPrice>10.00</UnitPrice></OrderItem></OrderItems></Order></Orders>";

    private RetailExpressSimulator retailExpress;
    private MagentoSimulator magento;
    private final DriveLog driven = new DriveLog();
    private ChaosChecks checks;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void startTheSimulators() {
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        // No gateway is reached by these checks; the address only has to be well-formed.
        ChaosTargets targets = new ChaosTargets(retailExpress, magento, List.of(URI.create("http://127.0.0.1:9")),
                "jdbc:postgresql://127.0.0.1:9/none", "127.0.0.1:9", "key", "token");
        checks = new ChaosChecks(targets, new Gateways(targets.gateways(), "key", "token", retailExpress.clientId(),
                java.time.Duration.ofSeconds(1)), driven);
    }

    @AfterEach
    void stopTheSimulators() {
        retailExpress.close();
        magento.close();
    }

    @Test
    void eachChangeSetAcknowledgedOncePassesAndARepeatAMissingOneOrAnUnsentOneFailNamingIt() throws Exception {
        driven.changeSetIds.addAll(List.of("cs-a", "cs-b", "cs-c"));
        for (String id : List.of("cs-a", "cs-b", "cs-c")) {
            RetailExpressSoap.acknowledge(retailExpress, id);
        }
        assertThat(checks.acknowledgedOnce().passed()).isTrue();

        RetailExpressSoap.acknowledge(retailExpress, "cs-b");
        RetailExpressSoap.acknowledge(retailExpress, "cs-d");
        driven.changeSetIds.add("cs-e");
        ChaosReport.Check check = checks.acknowledgedOnce();

        assertThat(check.passed()).isFalse();
        assertThat(check.found()).isEqualTo("2");
        assertThat(check.violations()).containsExactly("change set cs-b acknowledged 2 times",
                "change set cs-e never acknowledged", "change set cs-d acknowledged, but RE never sent it");
    }

    @Test
    void aSecondRetailExpressOrderForOneMagentoOrderFailsNamingIt() throws Exception {
        RetailExpressSoap.createOrder(retailExpress, ORDER_XML);
        DuplicateChecks duplicates = new DuplicateChecks(targetsOf(), driven);
        assertThat(duplicates.reOrders().passed()).as(duplicates.reOrders().violations().toString()).isTrue();

        RetailExpressSoap.createOrder(retailExpress, ORDER_XML);
        ChaosReport.Check check = duplicates.reOrders();

        assertThat(check.passed()).isFalse();
        assertThat(check.violations()).singleElement().asString().matches("Magento order 7: 2 \\(16-\\d+, 16-\\d+\\)");
    }

    @Test
    void aSecondRetailExpressCustomerForOneMagentoCustomerFailsNamingIt() throws Exception {
        RetailExpressSoap.createCustomer(retailExpress, "once@example.com");
        RetailExpressSoap.createCustomer(retailExpress, "twice@example.com");
        DuplicateChecks duplicates = new DuplicateChecks(targetsOf(), driven);
        assertThat(duplicates.reCustomers().passed()).isTrue();

        RetailExpressSoap.createCustomer(retailExpress, "Twice@Example.com");
        ChaosReport.Check check = duplicates.reCustomers();

        assertThat(check.passed()).isFalse();
        assertThat(check.violations()).singleElement().asString().startsWith("Magento customer twice@example.com: 2 (");
    }

    @Test
    void anInjectedThrottleIsAllowedAndOneEarnedByExceedingTheBudgetFailsNamingTheCall() throws Exception {
        retailExpress.throttleNext(2);
        RetailExpressSoap.call(retailExpress, getCustomers());
        RetailExpressSoap.call(retailExpress, getCustomers());
        RetailExpressSoap.call(retailExpress, getCustomers());
        assertThat(checks.budget().passed()).isTrue();
        assertThat(checks.budget().found()).isEqualTo("0 (2 injected, 1 calls answered)");

        retailExpress.budget(SimulatedBudget.retailExpress().withPerSecondAndMinute(1_000, 1));
        RetailExpressSoap.call(retailExpress, getCustomers());
        ChaosReport.Check check = checks.budget();

        assertThat(check.passed()).isFalse();
        assertThat(check.violations()).singleElement().asString().startsWith("GetCustomers at ")
                .endsWith("throttled by RE's budget windows");
    }

    @Test
    void aDeadPriceGroupOrALostCreateRaceIsNeverTheSourcesFault() {
        QuarantineCheck quarantine = new QuarantineCheck();
        JsonNode letters = json.readTree("""
                {"items":[
                  {"id":"skylink.re.pricegroups.dlt:0:1","entityType":"PRICE_GROUP","entityId":"2",
                   "reason":"PRICE_GROUP_NOT_IN_RETAIL_EXPRESS Price group 2 does not exist in Retail Express."},
                  {"id":"skylink.re.products.dlt:0:2","entityType":"PRODUCT","entityId":"1000001",
                   "reason":"Customer Group already exists. (HTTP 400 on POST /V1/customerGroups)"}]}""");

        ChaosReport.Check deadLetters = quarantine.deadLetters(letters, List.of());

        assertThat(deadLetters.passed()).isFalse();
        assertThat(deadLetters.violations()).hasSize(2)
                .anyMatch(v -> v.startsWith("skylink.re.pricegroups.dlt:0:1 PRICE_GROUP:2 (RE's reference data, all valid) refused"))
                .anyMatch(v -> v.startsWith("skylink.re.products.dlt:0:2 PRODUCT:1000001 lost a race with another writer"));
        assertThat(quarantine.sourceRefusals).isEmpty();
    }

    @Test
    void aDeadLetterMustBeAPermanentRefusalOfRetailExpressDataAndAParkedWriteFollowAKill() {
        QuarantineCheck quarantine = new QuarantineCheck();
        JsonNode letters = json.readTree("""
                {"items":[
                  {"id":"skylink.re.customers.dlt:0:1","entityType":"CUSTOMER","entityId":"2000013",
                   "reason":"MISSING_REQUIRED_FIELD Retail Express customer 2000013 has no telephone"},
                  {"id":"skylink.re.products.dlt:0:2","entityType":"PRODUCT","entityId":"1000001",
                   "quarantinedAt":"2026-12-01T09:00:10Z",
                   "reason":"Magento answered 503 Service Unavailable; gave up after PT5M"},
                  {"id":"skylink.magento.orders.dlt:0:3","entityType":"MAGENTO_ORDER","entityId":"7",
                   "reason":"PRODUCT_NOT_LINKED GEN-0000001OSFA"},
                  {"id":"skylink.re.customers.dlt:0:4","entityType":"CUSTOMER","entityId":"2000014","reason":""}]}""");

        InjectedFault fault = new InjectedFault(InjectedFault.Kind.MAGENTO_5XX, "magento", Instant.parse("2026-12-01T09:00:00Z"),
                Instant.parse("2026-12-01T09:00:30Z"), "next 4 requests answer 503");
        ChaosReport.Check deadLetters = quarantine.deadLetters(letters, List.of(fault));

        assertThat(deadLetters.passed()).isFalse();
        assertThat(deadLetters.violations()).hasSize(3).anyMatch(v -> v.startsWith("skylink.re.products.dlt:0:2 PRODUCT:1000001 dead-lettered for a transient failure"
                        + " (during MAGENTO_5XX on magento 2026-12-01T09:00:00Z..2026-12-01T09:00:30Z (next 4 requests answer 503))"))
                .anyMatch(v -> v.startsWith("skylink.magento.orders.dlt:0:3 MAGENTO_ORDER:7"))
                .anyMatch(v -> v.equals("skylink.re.customers.dlt:0:4 CUSTOMER:2000014 has no reason"));
        assertThat(quarantine.sourceRefusals).containsExactly("CUSTOMER:2000013");

        Instant parkedAt = Instant.parse("2026-12-01T10:00:00Z");
        JsonNode parked = json.readTree("""
                {"items":[{"id":"skylink.magento.orders.parked:0:1","sourceTopic":"skylink.magento.orders",
                  "entityType":"MAGENTO_ORDER","entityId":"7","quarantinedAt":"%s",
                  "reason":"an earlier create was sent to Retail Express and its answer was lost"}]}""".formatted(parkedAt));
        ChaosEvent killed = new ChaosEvent(parkedAt.minusSeconds(40), ChaosEvent.Kind.KILLED, "fulfillment-sync-service-2");
        ChaosEvent otherKill = new ChaosEvent(parkedAt.minusSeconds(40), ChaosEvent.Kind.KILLED, "catalog-sync-service-1");

        assertThat(quarantine.parked(parked, List.of(killed)).passed()).isTrue();
        ChaosReport.Check unexplained = quarantine.parked(parked, List.of(otherKill));
        assertThat(unexplained.passed()).isFalse();
        assertThat(unexplained.violations()).singleElement().asString()
                .startsWith("skylink.magento.orders.parked:0:1 MAGENTO_ORDER:7 parked at " + parkedAt + " with no fulfillment-sync-service killed");
    }

    @Test
    void theSameSeedGivesTheSameWorkloadWithEveryKindInIt() {
        WorkloadPlan plan = WorkloadPlan.of(7, 1_500);

        assertThat(WorkloadPlan.of(7, 1_500)).isEqualTo(plan);
        assertThat(WorkloadPlan.of(8, 1_500)).isNotEqualTo(plan);
        assertThat(plan.store().products()).isEqualTo(675);
        assertThat(plan.store().customers()).isEqualTo(330);
        assertThat(plan.store().orders()).isEqualTo(120);
        assertThat(plan.orders()).hasSize(180);
        assertThat(plan.nativeCustomers()).hasSize(45);
        assertThat(plan.sends()).anyMatch(c -> c.changeSetId() == null);
        assertThat(plan.sends().size()).isGreaterThan((int) plan.sends().stream().distinct().count());
        assertThat(plan.sends().stream().flatMap(c -> c.groups().stream()).map(EdsChangeSet.Group::type).distinct())
                .contains("Product", "Customer", "Order", "PriceGroup", "Brand", "Colour", "Season", "ProductType", "Outlet", "Voucher");
        int entities = plan.store().products() + plan.store().customers() + plan.store().orders() + 2 * plan.orders().size()
                + plan.nativeCustomers().size() + WorkloadPlan.PRICE_GROUPS.size();
        assertThat(entities).isGreaterThanOrEqualTo(1_500);
        System.out.println("CHAOS plan 1,500: " + plan.describe());
        System.out.println("CHAOS plan 10,000: " + WorkloadPlan.of(7, 10_000).describe());
    }

    @Test
    void aChangeSetWithoutIdIsAcknowledgedUnderAnIdDerivedFromItsContentInAnyOrder() {
        var client = retailExpress.clientId();
        EdsChangeSet one = new EdsChangeSet(null, List.of(new EdsChangeSet.Group("Product", List.of("2", "1")),
                new EdsChangeSet.Group("Brand", List.of("3"))));
        EdsChangeSet same = new EdsChangeSet(null, List.of(new EdsChangeSet.Group("Brand", List.of("3")),
                new EdsChangeSet.Group("Product", List.of("1", "2"))));

        assertThat(one.acknowledgedId(client, 1)).isEqualTo(same.acknowledgedId(client, 1))
                .isNotEqualTo(one.acknowledgedId(client, 2));
        assertThat(EdsChangeSet.of("re-id", "Product", List.of("1")).acknowledgedId(client, 1)).isEqualTo("re-id");
    }

    private ChaosTargets targetsOf() {
        return new ChaosTargets(retailExpress, magento, List.of(URI.create("http://127.0.0.1:9")),
                "jdbc:postgresql://127.0.0.1:9/none", "127.0.0.1:9", "key", "token");
    }

    private static String getCustomers() {
        return "<re:GetCustomers><re:CustomerIds><re:int>300000</re:int></re:CustomerIds></re:GetCustomers>";
    }
}
