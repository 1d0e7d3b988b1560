package com.skylinksync.customers.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.customers.ServiceHarness;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.Customer;
import com.skylinksync.retailexpress.CustomerUpdate;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The cases of the behaviour reference, section 7, ported (RE → Magento lookup with 0/1/2 matches, the mapper's
 * fields) and the health indicator following Retail Express's verdict on the credentials.
 */
class ReferenceCasesTest {

    private static ServiceHarness parts;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        parts = ServiceHarness.start();
        service = parts.startService("--skylink.customers.push.enabled=false");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        parts.close();
    }

    @Test
    void lookupWithNoLinkedCustomerRegistersOne() {
        String reId = newReCustomer("zero");

        assertThat(sync(reId).getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(parts.magentoRequests("POST", "/V1/customers")).isNotEmpty();
        assertThat(parts.onlyLinkedTo(reId).lastname()).isEqualTo("zero");
    }

    @Test
    void lookupWithOneLinkedCustomerUpdatesThatCustomer() {
        String reId = newReCustomer("one");
        MagentoCustomer linked = parts.magento.createCustomer(new MagentoCustomer(null, "linked-" + reId + "@example.com",
                "Old", "Name", 1, null, List.of(), Map.of("skylink_customer_id", reId), false, null));

        assertThat(sync(reId).getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(parts.magentoRequests("PUT", "/V1/customers/" + linked.id())).hasSize(1);
        MagentoCustomer updated = parts.onlyLinkedTo(reId);
        assertThat(updated.id()).isEqualTo(linked.id());
        assertThat(updated.lastname()).isEqualTo("one");
    }

    @Test
    void lookupWithTwoLinkedCustomersIsAPermanentErrorNamingBoth() {
        String reId = newReCustomer("two");
        MagentoCustomer first = parts.magento.createCustomer(new MagentoCustomer(null, "a-" + reId + "@example.com",
                "A", "Twin", 1, null, List.of(), Map.of("skylink_customer_id", reId), false, null));
        MagentoCustomer second = parts.magento.createCustomer(new MagentoCustomer(null, "b-" + reId + "@example.com",
                "B", "Twin", 1, null, List.of(), Map.of("skylink_customer_id", reId), false, null));

        EntitySynced outcome = sync(reId);

        assertThat(outcome.getOutcome()).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(outcome.getErrorCode()).isEqualTo("AMBIGUOUS_MATCH");
        assertThat(outcome.getErrorMessage()).contains(String.valueOf(first.id()), String.valueOf(second.id()));
        assertThat(parts.magentoRequests("PUT", "/V1/customers/" + first.id())).isEmpty();
        assertThat(parts.magentoRequests("PUT", "/V1/customers/" + second.id())).isEmpty();
    }

    @Test
    void mapperTakesEveryFieldOfAFullRetailExpressCustomerWithFaxOnBillingOnly() {
        // Joey Bloggs (300000) as RE sends him: country "Australia", two street lines, company, phone.
        Customer joey = parts.retailExpressCustomers.getCustomers(Set.of(300000)).getFirst();
        Contact delivery = new Contact("Joey", "Bloggs", "", new Address("PO Box 1", "Level 2", "Sydney", "NSW", "2000",
                "AU"), "02 2222 2222", "");
        Customer full = new Customer(joey.id(), joey.email(), new Contact(joey.billing().firstName(),
                joey.billing().lastName(), joey.billing().company(), joey.billing().address(), joey.billing().phone(),
                "(07) 1111 1112"), delivery, joey.receivesNews(), null, null, null);
        var mapper = new MagentoCustomerMapper(new RegionDirectory(parts.magentoDirectory),
                new CustomerSyncProperties(1, false, "AU"));

        MagentoCustomer mapped = mapper.map(full, Optional.empty(), null);

        assertThat(mapped.firstname()).isEqualTo("Joey");
        assertThat(mapped.lastname()).isEqualTo("Bloggs");
        assertThat(mapped.email()).isEqualTo("joe@testing.com");
        assertThat(mapped.subscribed()).isTrue();
        assertThat(mapped.customAttribute("skylink_customer_id")).isEqualTo("300000");
        MagentoAddress billing = mapped.addresses().stream().filter(MagentoAddress::defaultBilling).findFirst().orElseThrow();
        assertThat(billing.countryId()).isEqualTo("AU");
        assertThat(billing.street()).containsExactly("Unit 5", "192 Ann St");
        assertThat(billing.city()).isEqualTo("Brisbane");
        assertThat(billing.postcode()).isEqualTo("4000");
        assertThat(billing.region().regionCode()).isEqualTo("QLD");
        assertThat(billing.company()).isEqualTo("Sample Company");
        assertThat(billing.telephone()).isEqualTo("(07) 1111 1111");
        assertThat(billing.fax()).isEqualTo("(07) 1111 1112");
        MagentoAddress shipping = mapped.addresses().stream().filter(MagentoAddress::defaultShipping).findFirst().orElseThrow();
        assertThat(shipping.defaultBilling()).isFalse();
        assertThat(shipping.street()).containsExactly("PO Box 1", "Level 2");
        assertThat(shipping.city()).isEqualTo("Sydney");
        assertThat(shipping.postcode()).isEqualTo("2000");
        assertThat(shipping.countryId()).isEqualTo("AU");
        assertThat(shipping.telephone()).isEqualTo("02 2222 2222");
        assertThat(shipping.fax()).isEmpty();
    }

    @Test
    void healthIsDownWhileRetailExpressRefusesTheCredentialsAndUpAfterASuccess() {
        var wrong = RetailExpressSimulator.Options.defaults().withPort(0);
        RetailExpressSimulator refusing = RetailExpressSimulator.start(wrong);
        int port = refusing.soapEndpoint().getPort();
        ConfigurableApplicationContext misconfigured = null;
        RetailExpressSimulator accepting = null;
        try {
            misconfigured = parts.startService("--skylink.customers.push.enabled=false",
                    "--management.endpoint.health.show-details=always",
                    "--spring.kafka.consumer.group-id=health-" + UUID.randomUUID(),
                    "--skylink.retail-express.endpoint=" + refusing.soapEndpoint(),
                    "--skylink.retail-express.client-id=" + refusing.clientId(),
                    "--skylink.retail-express.username=" + refusing.username(),
                    "--skylink.retail-express.password=not-" + refusing.password());
            WebTestClient http = WebTestClient.bindToServer().baseUrl(ServiceHarness.baseUrl(misconfigured)).build();
            String changeSet = UUID.randomUUID().toString();
            parts.publish(parts.changed(changeSet, "300001"));

            await().atMost(ServiceHarness.DEADLINE).untilAsserted(() -> http.get().uri("/actuator/health/retailExpress")
                    .exchange().expectStatus().is5xxServerError().expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.details.configurationError").value(e -> assertThat((String) e)
                            .contains("invalid username or password").doesNotContain(refusing.password())));

            // The operator fixes it on RE's side: same endpoint, now accepting the configured password.
            refusing.close();
            accepting = RetailExpressSimulator.start(new RetailExpressSimulator.Options(port, refusing.clientId(),
                    refusing.username(), "not-" + refusing.password()));
            await().atMost(ServiceHarness.DEADLINE).untilAsserted(() -> http.get().uri("/actuator/health/retailExpress")
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP"));
        } finally {
            if (misconfigured != null) {
                misconfigured.close();
            }
            refusing.close();
            if (accepting != null) {
                accepting.close();
            }
        }
    }

    private static String newReCustomer(String lastname) {
        return String.valueOf(parts.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw",
                lastname + "-" + UUID.randomUUID() + "@example.com", new Contact("Ref", lastname, "", Address.EMPTY, "",
                ""), Contact.EMPTY, false)));
    }

    private static EntitySynced sync(String reId) {
        String changeSet = UUID.randomUUID().toString();
        parts.publish(parts.changed(changeSet, reId));
        return parts.awaitOutcome(changeSet, reId);
    }
}
