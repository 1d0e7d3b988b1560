package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one transport under every feature client, over real SOAP against the simulator: permits, throttling, health. */
class RetailExpressTransportTest {

    private static RetailExpressSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static RetailExpressSettings settings(UUID clientId) {
        return new RetailExpressSettings(simulator.soapEndpoint(), clientId, simulator.username(),
                simulator.password(), Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    }

    /** Records what the transport asks of the budget. */
    private static final class RecordingPermits implements CallPermits {
        final List<String> acquired = new CopyOnWriteArrayList<>();
        final List<String> throttled = new CopyOnWriteArrayList<>();
        final List<String> finished = new CopyOnWriteArrayList<>();

        @Override
        public void acquire(String operation) {
            acquired.add(operation);
        }

        @Override
        public void finished(String operation) {
            finished.add(operation);
        }

        @Override
        public void throttled(String operation) {
            throttled.add(operation);
        }
    }

    @Test
    void everyCallOfEveryFeatureClientTakesOnePermitOfTheTransport() {
        var permits = new RecordingPermits();
        var transport = new RetailExpressTransport(settings(simulator.clientId()), permits);

        new RetailExpressCustomers(transport).getCustomer(300000);
        new RetailExpressCatalogue(transport).getAllPriceGroups();
        new RetailExpressSales(transport).getPaymentMethods();
        new ChangeSetAcknowledgements(transport).changeSetProcessed(UUID.randomUUID().toString());

        assertThat(permits.acquired).containsExactly("GetCustomers", "GetAllPriceGroups", "GetPaymentMethods",
                "ChangeSetProcessed");
        assertThat(permits.finished).as("each call tells the budget it is over").isEqualTo(permits.acquired);
        assertThat(permits.throttled).isEmpty();
        assertThat(transport.credentials().refusal()).isEmpty();
    }

    @Test
    void aThrottleFaultSlowsTheBudgetDown() {
        var permits = new RecordingPermits();
        var catalogue = new RetailExpressCatalogue(new RetailExpressTransport(settings(simulator.clientId()), permits));
        simulator.throttleNext(1);

        assertThatThrownBy(catalogue::getAllProductAttributes).isInstanceOf(RetailExpressException.Throttled.class);

        assertThat(permits.throttled).containsExactly("GetAllProductAttributes");
        assertThat(permits.finished).as("a refused call is over too").containsExactly("GetAllProductAttributes");
        assertThat(catalogue.getAllProductAttributes()).isNotNull();
        assertThat(permits.throttled).hasSize(1);
    }

    @Test
    void aRefusalThroughOneFeatureClientIsTheTransportsForHealthToSee() {
        var transport = new RetailExpressTransport(settings(UUID.randomUUID()));

        assertThatThrownBy(() -> new RetailExpressSales(transport).getOrder("16-00000001"))
                .isInstanceOf(RetailExpressException.Configuration.class);

        assertThat(transport.credentials().refusal()).hasValueSatisfying(refusal ->
                assertThat(refusal).startsWith("GetOrder:").contains("The client ID provided is not valid"));
    }

    @Test
    void everyCallIsTimedWithItsOperationAndOutcomeAfterItsPermit() {
        List<String> timed = new CopyOnWriteArrayList<>();
        var transport = new RetailExpressTransport(settings(simulator.clientId()), new RecordingPermits(),
                (operation, outcome, nanos) -> timed.add(operation + " " + outcome + (nanos > 0 ? "" : " without a duration")));
        var catalogue = new RetailExpressCatalogue(transport);

        catalogue.getAllPriceGroups();
        simulator.throttleNext(1);
        assertThatThrownBy(catalogue::getAllProductAttributes).isInstanceOf(RetailExpressException.Throttled.class);
        var refused = new RetailExpressTransport(settings(UUID.randomUUID()), new RecordingPermits(),
                (operation, outcome, nanos) -> timed.add(operation + " " + outcome));
        assertThatThrownBy(() -> new RetailExpressSales(refused).getOrder("16-00000001"))
                .isInstanceOf(RetailExpressException.Configuration.class);

        assertThat(timed).containsExactly("GetAllPriceGroups ok", "GetAllProductAttributes throttled",
                "GetOrder configuration");
    }
}
