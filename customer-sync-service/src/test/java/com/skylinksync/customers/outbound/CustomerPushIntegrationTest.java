package com.skylinksync.customers.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.customers.ServiceHarness;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.directory.MagentoRegion;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.Customer;
import com.skylinksync.retailexpress.CustomerUpdate;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Magento → Retail Express customer push against a real broker, PostgreSQL and both simulators. */
class CustomerPushIntegrationTest {

    private static ServiceHarness parts;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        parts = ServiceHarness.start();
        service = parts.startService("--skylink.customers.push.interval=150ms", "--skylink.customers.push.lease=10s");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        parts.close();
    }

    @Test
    void aCustomerCreatedInMagentoIsPushedOnceLinkedAndNotEchoedBack() {
        Instant before = Instant.now();
        String email = "paula-" + UUID.randomUUID() + "@example.com";
        var billing = new MagentoAddress(null, "Paula", "Pusher", "Push Pty Ltd", List.of("Unit 5", "192 Ann St", "Rear"),
                "Brisbane", new MagentoRegion(572, null, null), "4000", "AU", "07 3000 0000", "", true, true);
        MagentoCustomer created = parts.magento.createCustomer(new MagentoCustomer(null, email, "Paula", "Pusher", 1,
                null, List.of(billing), Map.of(), true, null));

        MagentoCustomer linked = await().atMost(ServiceHarness.DEADLINE).until(
                () -> parts.magento.getCustomer(created.id()).orElseThrow(),
                c -> c.customAttribute("skylink_customer_id") != null);
        int reId = Integer.parseInt(linked.customAttribute("skylink_customer_id"));
        assertThat(parts.reCalls("CustomerCreateUpdate", before)).isEqualTo(1);
        // The push is an entity like any other: its status names the RE customer it was written to (the write-back's
        // own change, pushed after the create, finds RE in step: UNCHANGED).
        WebTestClient.bindToServer().baseUrl(ServiceHarness.baseUrl(service)).defaultHeader("Authorization", "Bearer " + com.skylinksync.testkit.SyncServiceHarness.OPERATOR_TOKEN).build()
                .get().uri("/entities/magento-customer/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").value(status -> assertThat(status).isIn("SYNCED", "UNCHANGED"))
                .jsonPath("$.targetId").isEqualTo(String.valueOf(reId))
                .jsonPath("$.entityType").isEqualTo("MAGENTO_CUSTOMER");
        Customer inRetailExpress = parts.retailExpressCustomers.getCustomers(Set.of(reId)).getFirst();
        assertThat(inRetailExpress.email()).isEqualTo(email);
        assertThat(inRetailExpress.receivesNews()).isTrue();
        assertThat(inRetailExpress.billing()).isEqualTo(new Contact("Paula", "Pusher", "Push Pty Ltd",
                new Address("Unit 5", "192 Ann St", "Brisbane", "QLD", "4000", "AU"), "07 3000 0000", ""));
        assertThat(inRetailExpress.shipping().address().isEmpty()).as("shipping = billing is sent as no delivery address").isTrue();

        // The write-back changed updated_at: two whole polls after it, still one push.
        Instant writeBack = parts.magentoRequests("PUT", "/V1/customers/" + created.id()).getLast().at();
        awaitPollsAfter(writeBack, 2);
        assertThat(parts.reCalls("CustomerCreateUpdate", before)).isEqualTo(1);

        // RE then reports the customer through EDS: the RE → Magento sync finds nothing to write.
        String changeSet = UUID.randomUUID().toString();
        parts.publish(parts.changed(changeSet, String.valueOf(reId)));
        Outcome echo = parts.awaitOutcome(changeSet, String.valueOf(reId)).getOutcome();
        assertThat(echo).as("writes to Magento: %s", parts.magentoRequests("PUT", "/V1/customers/" + created.id())
                .stream().map(r -> r.body()).toList()).isEqualTo(Outcome.UNCHANGED);
        assertThat(parts.magentoRequests("PUT", "/V1/customers/" + created.id())).as("only the write-back").hasSize(1);
        assertThat(parts.onlyLinkedTo(String.valueOf(reId)).id()).isEqualTo(created.id());
        awaitPollsAfter(Instant.now(), 2);
        assertThat(parts.reCalls("CustomerCreateUpdate", before)).isEqualTo(1);
    }

    @Test
    void aChangeToALinkedCustomerInMagentoIsPushedOnceToItsRetailExpressCustomer() {
        String email = "lina-" + UUID.randomUUID() + "@example.com";
        int reId = parts.retailExpressCustomers.createOrUpdateCustomer(new CustomerUpdate(null, "s3cret-pw", email,
                new Contact("Lina", "Linked", "", new Address("1 Queen St", "", "Brisbane", "QLD", "4000", "AU"),
                        "07 1111 1111", ""), Contact.EMPTY, false));
        String changeSet = UUID.randomUUID().toString();
        parts.publish(parts.changed(changeSet, String.valueOf(reId)));
        assertThat(parts.awaitOutcome(changeSet, String.valueOf(reId)).getOutcome()).isEqualTo(Outcome.SYNCED);
        MagentoCustomer synced = parts.onlyLinkedTo(String.valueOf(reId));
        // The RE → Magento write is RE's own content: it is not pushed back.
        Instant afterInbound = Instant.now();
        awaitPollsAfter(afterInbound, 2);
        assertThat(parts.reCalls("CustomerCreateUpdate", afterInbound)).isZero();

        Instant beforeChange = Instant.now();
        parts.magento.updateCustomer(new MagentoCustomer(synced.id(), synced.email(), synced.firstname(), "Relinked",
                synced.websiteId(), synced.groupId(), synced.addresses(), synced.customAttributes(), synced.subscribed(),
                synced.updatedAt()));

        await().atMost(ServiceHarness.DEADLINE).until(() -> parts.retailExpressCustomers.getCustomers(Set.of(reId))
                .getFirst().billing().lastName().equals("Relinked"));
        awaitPollsAfter(Instant.now(), 2);
        assertThat(parts.reCalls("CustomerCreateUpdate", beforeChange)).isEqualTo(1);
        assertThat(parts.onlyLinkedTo(String.valueOf(reId)).id()).isEqualTo(synced.id());
    }

    /** Waits until the poller has started {@code polls} Magento searches after {@code after} (each follows a whole poll). */
    private static void awaitPollsAfter(Instant after, int polls) {
        await().atMost(ServiceHarness.DEADLINE).until(() -> parts.magentoSimulator.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().contains("updated_at") && r.at().isAfter(after))
                .count() >= polls);
    }
}
