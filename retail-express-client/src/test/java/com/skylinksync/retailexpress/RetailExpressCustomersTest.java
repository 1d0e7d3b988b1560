package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.Call;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customers client and its transport over the real SOAP stack and HTTP, against the RE simulator. */
class RetailExpressCustomersTest {

    private static RetailExpressSimulator simulator;
    private static RetailExpressCustomers client;

    @BeforeAll
    static void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        // These tests are about the client, not the budget: bursts of concurrent calls must not meet RE's 25/s.
        simulator.budget(com.skylinksync.sandbox.retailexpress.SimulatedBudget.unlimited());
        client = customersOf(settings(simulator.clientId(), simulator.username(), simulator.password()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static RetailExpressCustomers customersOf(RetailExpressSettings settings) {
        return new RetailExpressCustomers(new RetailExpressTransport(settings));
    }

    static RetailExpressSettings settings(UUID clientId, String username, String password) {
        return new RetailExpressSettings(simulator.soapEndpoint(), clientId, username, password,
                Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    }

    @Test
    void readsCustomer300000FullyMapped() {
        Customer joey = client.getCustomer(300000).orElseThrow();

        assertThat(joey.id()).isEqualTo(300000);
        assertThat(joey.email()).isEqualTo("joe@testing.com");
        assertThat(joey.billing()).isEqualTo(new Contact("Joey", "Bloggs", "Sample Company",
                new Address("Unit 5", "192 Ann St", "Brisbane", "Queensland", "4000", "AU"), "(07) 1111 1111", ""));
        assertThat(joey.shipping()).isEqualTo(new Contact("Joey", "Bloggs", "",
                new Address("", "", "", "", "", null), "", ""));
        assertThat(joey.receivesNews()).isTrue();
        assertThat(joey.priceGroup(PriceGroupType.STANDARD)).contains(new PriceGroupKey(PriceGroupType.STANDARD, 2));
        assertThat(joey.priceGroup(PriceGroupType.FIXED)).isEmpty();
        assertThat(joey.loyaltyPoints()).isZero();
    }

    @Test
    void readsManyCustomersInOneCall() {
        int before = simulator.calls().size();

        List<Customer> customers = client.getCustomers(List.of(300000, 300001, 999));

        assertThat(customers).extracting(Customer::id).containsExactly(300000, 300001);
        List<Call> calls = simulator.calls().subList(before, simulator.calls().size());
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("GetCustomers");
            assertThat(call.ids()).containsExactly("300000", "300001", "999");
            assertThat(call.rejected()).isFalse();
        });
        Customer sarah = customers.get(1);
        assertThat(sarah.billing().firstName()).isEqualTo("Sarah");
        assertThat(sarah.receivesNews()).isFalse();
        assertThat(sarah.billing().address().isEmpty()).isTrue();
    }

    @Test
    void unknownCustomerIsEmpty() {
        assertThat(client.getCustomer(999)).isEmpty();
    }

    @Test
    void listsCustomerIds() {
        assertThat(client.getCustomerIds(true, true)).contains(300000, 300001).isSorted();
    }

    @Test
    void wrongClientIdIsAConfigurationFailure() {
        var stranger = customersOf(settings(UUID.randomUUID(), simulator.username(), simulator.password()));
        int before = simulator.calls().size();

        assertThatThrownBy(() -> stranger.getCustomer(300000))
                .isInstanceOf(RetailExpressException.Configuration.class)
                .hasMessageContaining("The client ID provided is not valid")
                .satisfies(e -> assertThat(((RetailExpressException) e).operation()).isEqualTo("GetCustomers"));
        assertThat(simulator.calls().subList(before, simulator.calls().size()))
                .singleElement().extracting(Call::rejected).isEqualTo(true);
    }

    @Test
    void wrongPasswordIsAConfigurationFailureThatNeverShowsThePassword() {
        var intruder = customersOf(settings(simulator.clientId(), simulator.username(), "guessed-pw"));

        assertThatThrownBy(() -> intruder.getCustomerIds(true, true))
                .isInstanceOf(RetailExpressException.Configuration.class)
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("guessed-pw");
    }

    @Test
    void registersANewCustomerThenUpdatesIt() {
        var billing = new Contact("Ben", "Corlett", "", Address.EMPTY, "", "");
        var shipping = new Contact("Ben", "", "Acme",
                new Address("1 George Street", "", "Sydney", "New South Wales", "2000", "AU"), "", "");
        int id = client.createOrUpdateCustomer(
                new CustomerUpdate(null, "hello123", "ben@example.com", billing, shipping, true));

        assertThat(id).isGreaterThanOrEqualTo(300100);
        Customer created = client.getCustomer(id).orElseThrow();
        assertThat(created.email()).isEqualTo("ben@example.com");
        assertThat(created.receivesNews()).isTrue();
        assertThat(created.shipping()).isEqualTo(shipping); // a one-word delivery name survives the round trip

        var moved = new Contact("Ben", "Corlett", "", new Address("2 Pitt St", "", "Sydney", "NSW", "2001", "AU"),
                "02 9999 0000", "");
        int updatedId = client.createOrUpdateCustomer(
                new CustomerUpdate(id, null, "ben@example.com", moved, shipping, false));

        assertThat(updatedId).isEqualTo(id);
        Customer updated = client.getCustomer(id).orElseThrow();
        assertThat(updated.billing().address().line1()).isEqualTo("2 Pitt St");
        assertThat(updated.billing().address().postcode()).isEqualTo("2001");
        assertThat(updated.billing().phone()).isEqualTo("02 9999 0000");
        assertThat(updated.receivesNews()).isFalse();
    }

    @Test
    void updatingAnUnknownCustomerIsABusinessFailure() {
        var update = new CustomerUpdate(999, null, "nobody@example.com", Contact.EMPTY, Contact.EMPTY, false);

        assertThatThrownBy(() -> client.createOrUpdateCustomer(update))
                .isInstanceOf(RetailExpressException.Business.class)
                .hasMessageContaining("Result=Fail");
    }

    @Test
    void isSafeForConcurrentCalls() throws Exception {
        List<Callable<Customer>> reads = IntStream.range(0, 24)
                .<Callable<Customer>>mapToObj(i -> () -> client.getCustomer(300000 + i % 2).orElseThrow())
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<Customer>> results = pool.invokeAll(reads);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().id()).isEqualTo(300000 + i % 2);
            }
        }
    }
}
