package com.skylinksync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.customerlink.CustomerLink;

import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.testkit.SyncServiceHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The runtime's test kit ({@link SyncServiceHarness}: broker, PostgreSQL, both simulators, the service started as in
 * production) with what customer tests add: clients to the simulators, and the customer-shaped shortcuts the tests
 * read best with.
 */
public final class ServiceHarness implements AutoCloseable {

    public static final Duration DEADLINE = SyncServiceHarness.DEADLINE;

    public final SyncServiceHarness kit;
    public final KafkaBroker kafka;
    public final RetailExpressSimulator retailExpress;
    public final MagentoSimulator magentoSimulator;
    public final MagentoCustomers magento;
    public final MagentoDirectory magentoDirectory;
    public final RetailExpressCustomers retailExpressCustomers;

    private ServiceHarness(SyncServiceHarness kit) {
        this.kit = kit;
        kafka = kit.kafka();
        retailExpress = kit.retailExpress();
        magentoSimulator = kit.magento();
        var magentoTransport = new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magentoSimulator.restBase(), magentoSimulator.accessToken(), Duration.ofSeconds(10)));
        magento = new MagentoCustomers(magentoTransport);
        magentoDirectory = new MagentoDirectory(magentoTransport);
        retailExpressCustomers = new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                retailExpress.soapEndpoint(), retailExpress.clientId(), retailExpress.username(),
                retailExpress.password(), null, null, false)));
    }

    public static ServiceHarness start() {
        return new ServiceHarness(SyncServiceHarness.forService(CustomerSyncApplication::builder)
                .withRetailExpress().withMagento().start());
    }

    /** The service against these parts; {@code overrides} are extra {@code --name=value} arguments. */
    public ConfigurableApplicationContext startService(String... overrides) {
        return kit.startService(overrides).context();
    }

    public static String baseUrl(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    public EntityChanged changed(String changeSet, String entityId) {
        return changed(changeSet, entityId, EntityType.CUSTOMER);
    }

    public EntityChanged changed(String changeSet, String entityId, EntityType type) {
        return kit.events().changed(type, entityId, changeSet);
    }

    public void publish(EntityChanged event) {
        publish(Topics.CUSTOMERS, event);
    }

    public void publish(String topic, EntityChanged event) {
        kit.events().publish(topic, event);
    }

    /** Sends the events at once, as EDS repeats arrive, so they are all waiting when the consumer polls. */
    public void publishBurst(List<EntityChanged> events) {
        publishBurst(Topics.CUSTOMERS, events);
    }

    /** {@link #publishBurst(List)} to another topic (e.g. the backlog twin of the customers topic). */
    public void publishBurst(String topic, List<EntityChanged> events) {
        kit.events().publishAll(topic, events);
    }

    /** The first terminal outcome (not FAILED) reported for this change set and entity. */
    public EntitySynced awaitOutcome(String changeSet, String entityId) {
        return kit.completions().awaitOutcome(changeSet, entityId);
    }

    public List<EntitySynced> outcomes(String changeSet, String entityId) {
        return kit.completions().outcomes(changeSet, entityId);
    }

    /** Every outcome reported so far for this change set. */
    public List<EntitySynced> outcomes(String changeSet) {
        return kit.completions().all().stream().filter(o -> changeSet.equals(o.getChangeSetId())).toList();
    }

    public MagentoCustomer onlyLinkedTo(String reCustomerId) {
        List<MagentoCustomer> linked = magento.findCustomersByAttribute(CustomerLink.MAGENTO_ATTRIBUTE, reCustomerId);
        assertThat(linked).as("Magento customers linked to RE customer " + reCustomerId).hasSize(1);
        return linked.getFirst();
    }

    /** RE calls of one operation received after {@code since}. */
    public long reCalls(String operation, Instant since) {
        return kit.retailExpressCalls(operation, since).size();
    }

    /** Magento requests of a method on exactly this path (query excluded). */
    public List<MagentoSimulator.Request> magentoRequests(String method, String path) {
        return kit.magentoRequests(method, path);
    }

    @Override
    public void close() {
        kit.close();
    }
}
