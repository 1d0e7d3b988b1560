package com.skylinksync.customers.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.skylinksync.customers.ServiceHarness;
import com.skylinksync.sandbox.retailexpress.CatalogueSpec;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real time before backlog, end to end: a 10,000-customer bulk resync is in flight under Retail Express's real budget
 * (the simulator enforces RE's windows, the service takes its permits from the shared budget), and an EDS change for
 * another customer is still synced within seconds — not after the backlog, which takes minutes at RE's 20 calls/s.
 */
class RealTimeBeforeBacklogTest {

    private static final int BACKLOG = 10_000;
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private static ServiceHarness parts;
    private static RetailExpressSimulator retailExpress;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        parts = ServiceHarness.start();
        // RE's real budget (the simulator's default): 25 calls/s, 1,200/min. 10,000 generated customers from 2,000,000.
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0),
                new CatalogueSpec(11, 0, BACKLOG, 0));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        retailExpress.close();
        parts.close();
    }

    @Test
    void anEdsChangeOvertakesATenThousandCustomerBulkResync() {
        String bulkRun = "bulk-" + UUID.randomUUID();
        List<EntityChanged> backlog = new ArrayList<>(BACKLOG);
        for (int i = 0; i < BACKLOG; i++) {
            EntityChanged event = parts.changed(bulkRun, Integer.toString(2_000_000 + i));
            event.setOrigin(Origin.BULK);
            backlog.add(event);
        }
        service = parts.startService(
                "--skylink.retail-express.endpoint=" + retailExpress.soapEndpoint(),
                "--skylink.retail-express.client-id=" + retailExpress.clientId(),
                "--skylink.retail-express.budget.enabled=true",
                "--skylink.customers.push.enabled=false",
                // Ten customers per GetCustomers: the backlog needs 1,000 RE calls, about a minute under the budget.
                "--skylink.sync.batch-size=10");
        // The service declares its topics (brokers do not create them); then the resync arrives all at once.
        parts.publishBurst(Topics.backlog(Topics.CUSTOMERS), backlog);
        await().atMost(ServiceHarness.DEADLINE).until(() -> parts.outcomes(bulkRun).size() >= 200);

        String changeSet = UUID.randomUUID().toString();
        Instant sent = Instant.now();
        parts.publish(parts.changed(changeSet, "300000"));
        EntitySynced realTime = await().atMost(WITHIN).until(() -> parts.outcomes(changeSet, "300000").stream()
                .filter(o -> o.getOutcome() != Outcome.FAILED).findFirst().orElse(null), o -> o != null);
        Duration took = Duration.between(sent, Instant.now());
        int bulkDone = parts.outcomes(bulkRun).size();

        System.out.printf("EDS change synced in %d ms with %d of %d bulk customers done%n", took.toMillis(), bulkDone, BACKLOG);
        assertThat(realTime.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(bulkDone).as("the backlog is still in flight").isLessThan(BACKLOG / 2);
        assertThat(retailExpress.calls()).as("no call beyond RE's budget").noneMatch(RetailExpressSimulator.Call::rejected);
    }
}
