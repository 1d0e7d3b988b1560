package com.skylinksync.customers.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.customerlink.CustomerPusher;
import com.skylinksync.customerlink.NewCustomerPasswords;
import com.skylinksync.customerlink.PushLedger;
import com.skylinksync.customerlink.PushOutcome;
import com.skylinksync.customerlink.PushStalled;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.infra.PostgresServer;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.retailexpress.SimulatedBudget;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How a push fails, with real parts but no service around them: the pusher (and its connector) over the real ledger
 * (PostgreSQL, migrated as the service migrates), the Magento simulator, and Retail Express clients pointed at the
 * RE simulator or at a server that takes a request and never answers.
 */
class CustomerPushFailureTest {

    private static PostgresServer postgres;
    private static MagentoSimulator magentoSimulator;
    private static RetailExpressSimulator retailExpress;
    private static SilentServer silent;
    private static MagentoCustomers magento;
    private static PushLedger ledger;
    private static final CustomerSnapshots snapshots = new CustomerSnapshots();

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(0, null);
        // As the service migrates: the runtime's tables with their own history, then the service's.
        Flyway.configure().dataSource(postgres.jdbcUrl(), PostgresServer.USER, "postgres").schemas("customer_sync")
                .table("sync_runtime_schema_history").locations("classpath:db/sync-runtime").load().migrate();
        Flyway.configure().dataSource(postgres.jdbcUrl(), PostgresServer.USER, "postgres").schemas("customer_sync")
                .baselineOnMigrate(true).baselineVersion("0").locations("classpath:db/customer-sync-service").load().migrate();
        DatabaseClient database = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse(postgres.r2dbcUrl("customer_sync")).mutate()
                .option(ConnectionFactoryOptions.USER, PostgresServer.USER)
                .option(ConnectionFactoryOptions.PASSWORD, "postgres").build()));
        ledger = new PushLedger(database);
        magentoSimulator = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        magento = new MagentoCustomers(new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magentoSimulator.restBase(), magentoSimulator.accessToken(), Duration.ofSeconds(5))));
        retailExpress = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
        // Not a budget test (ApiBudgetClusterTest is): RE's real 25/s would throttle the set-up itself.
        retailExpress.budget(SimulatedBudget.unlimited());
        silent = SilentServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {silent, retailExpress, magentoSimulator, postgres}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aCreateWhoseAnswerNeverComesIsParkedForAnOperatorAndNeverResent() {
        var pusher = pusher(new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(silent.uri(),
                retailExpress.clientId(), retailExpress.username(), retailExpress.password(), Duration.ofSeconds(2),
                Duration.ofMillis(700), false))));
        MagentoCustomer customer = newMagentoCustomer("unsure");

        assertThat(pusher.push(customer)).isEqualTo(PushOutcome.PARKED);
        assertThat(silent.requests()).as("the create reached the server").isEqualTo(1);
        var state = ledger.find(customer.id()).orElseThrow();
        assertThat(state.state()).isEqualTo("PARKED");
        assertThat(state.lastError()).contains("unknown outcome").contains(String.valueOf(customer.id()))
                .doesNotContain(retailExpress.password());
        // Through the connector the runtime runs, the parked push is an uncertain write (status PARKED, .parked topic).
        var connector = new MagentoCustomerPush(pusher, snapshots, new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
        assertThatThrownBy(() -> connector.sync(task(customer))).isInstanceOf(UncertainSyncException.class)
                .hasMessageContaining(String.valueOf(customer.id())).hasMessageNotContaining(retailExpress.password());

        // The next polls see it again (and a later change): still parked, nothing resent, Magento not linked.
        assertThat(pusher.push(customer)).isEqualTo(PushOutcome.PARKED);
        MagentoCustomer changed = magento.updateCustomer(renamed(customer, "Changed"));
        assertThat(pusher.push(changed)).isEqualTo(PushOutcome.PARKED);
        assertThat(silent.requests()).isEqualTo(1);
        assertThat(magento.getCustomer(customer.id()).orElseThrow().customAttribute("skylink_customer_id")).isNull();
    }

    @Test
    void aPodThatDiedBetweenSendingACreateAndRecordingItsAnswerParksTheCustomer() {
        MagentoCustomer customer = newMagentoCustomer("crashed");
        ledger.creating(customer.id(), "hash-before-crash", customer.updatedAt());
        Instant before = Instant.now();

        assertThat(pusher(reClient(retailExpress.password())).push(customer)).isEqualTo(PushOutcome.PARKED);
        assertThat(retailExpress.calls()).filteredOn(c -> !c.at().isBefore(before)).isEmpty();
        assertThat(ledger.find(customer.id()).orElseThrow().state()).isEqualTo("PARKED");
    }

    @Test
    void retailExpressRefusingTheCredentialsStallsThePushWithoutLosingTheCustomer() {
        MagentoCustomer customer = newMagentoCustomer("stalled");

        assertThatThrownBy(() -> pusher(reClient("wrong-password")).push(customer)).isInstanceOf(PushStalled.class)
                .hasMessageNotContaining("wrong-password");
        assertThat(ledger.find(customer.id())).as("nothing was created: no CREATING row left").isEmpty();

        assertThat(pusher(reClient(retailExpress.password())).push(customer)).isEqualTo(PushOutcome.CREATED);
        assertThat(magento.getCustomer(customer.id()).orElseThrow().customAttribute("skylink_customer_id")).isNotBlank();
    }

    @Test
    void aFailedWriteBackIsRetriedWithoutASecondRetailExpressCustomer() {
        MagentoCustomer customer = newMagentoCustomer("writeback");
        var pusher = pusher(reClient(retailExpress.password()));
        Instant before = Instant.now();
        // The write-back is the push's only Magento write (before its create it only reads the customer again): fail it.
        magentoSimulator.failNext(1, 503, "PUT");

        assertThatThrownBy(() -> pusher.push(customer)).isInstanceOf(PushStalled.class);
        assertThat(pusher.push(customer)).isEqualTo(PushOutcome.UNCHANGED);

        MagentoCustomer linked = magento.getCustomer(customer.id()).orElseThrow();
        assertThat(linked.customAttribute("skylink_customer_id"))
                .isEqualTo(String.valueOf(ledger.find(customer.id()).orElseThrow().reCustomerId()));
        assertThat(retailExpress.calls()).filteredOn(c -> c.operation().equals("CustomerCreateUpdate")
                && !c.at().isBefore(before)).hasSize(1);
        // The write-back's own save is not a change.
        assertThat(pusher.push(linked)).isEqualTo(PushOutcome.UNCHANGED);
    }

    @Test
    void aCustomerTheOrderPushLinkedSinceThePollIsNotCreatedInRetailExpressAgain() {
        MagentoCustomer polled = newMagentoCustomer("raced");
        // The order push (fulfillment-sync-service, its own ledger) created it in RE and wrote the link back after
        // this snapshot was polled.
        Map<String, String> linked = new java.util.HashMap<>(polled.customAttributes() == null ? Map.of() : polled.customAttributes());
        linked.put("skylink_customer_id", "300000");
        magento.updateCustomer(new MagentoCustomer(polled.id(), polled.email(), polled.firstname(), polled.lastname(),
                polled.websiteId(), polled.groupId(), polled.addresses(), linked, polled.subscribed(), polled.updatedAt()));
        int createdBefore = retailExpress.createdCustomers().size();

        PushOutcome outcome = pusher(reClient(retailExpress.password())).push(polled);

        assertThat(outcome).isNotEqualTo(PushOutcome.CREATED);
        assertThat(retailExpress.createdCustomers()).hasSize(createdBefore);
        assertThat(magento.getCustomer(polled.id()).orElseThrow().customAttribute("skylink_customer_id")).isEqualTo("300000");
    }

    private static SyncTask task(MagentoCustomer customer) {
        EntityChanged event = EntityChanged.newBuilder().setChangeSetId(null).setOrigin(Origin.POLL).setClientId(null)
                .setSalesChannelId(null).setEntityType(EntityType.MAGENTO_CUSTOMER).setEntityId(String.valueOf(customer.id()))
                .setAttributeCode(null).setVersion(customer.updatedAt()).setSnapshot(snapshots.write(customer))
                .setObservedAt(Instant.now()).setTraceId("test").build();
        return new SyncTask(event, null, null, 1);
    }

    private static CustomerPusher pusher(RetailExpressCustomers client) {
        return new CustomerPusher(client, magento, ledger, new NewCustomerPasswords());
    }

    private static RetailExpressCustomers reClient(String password) {
        return new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                retailExpress.soapEndpoint(), retailExpress.clientId(), retailExpress.username(), password, null, null,
                false)));
    }

    private static MagentoCustomer newMagentoCustomer(String name) {
        var address = new MagentoAddress(null, "Fay", name, "", List.of("1 Queen St"), "Brisbane", null, "4000", "NZ",
                "07 1111 1111", "", true, true);
        return magento.createCustomer(new MagentoCustomer(null, name + "-" + UUID.randomUUID() + "@example.com", "Fay",
                name, 1, null, List.of(address), Map.of(), false, null));
    }

    private static MagentoCustomer renamed(MagentoCustomer c, String lastname) {
        return new MagentoCustomer(c.id(), c.email(), c.firstname(), lastname, c.websiteId(), c.groupId(), c.addresses(),
                c.customAttributes(), c.subscribed(), c.updatedAt());
    }

    /** Accepts connections and reads what is sent, but never answers: a request whose outcome cannot be known. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicInteger requests = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        private SilentServer(ServerSocket socket) {
            this.socket = socket;
        }

        static SilentServer start() {
            try {
                var server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread.ofVirtual().start(server::acceptForever);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/re/ecommerce.svc");
        }

        int requests() {
            return requests.get();
        }

        private void acceptForever() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    open.add(client);
                    Thread.ofVirtual().start(() -> readAndHold(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void readAndHold(Socket client) {
            try {
                // Count a request once its first bytes arrive; keep reading so the sender's write completes.
                var in = client.getInputStream();
                if (in.read() >= 0) {
                    requests.incrementAndGet();
                }
                while (in.read(new byte[8192]) >= 0) {
                    // discard
                }
            } catch (IOException closed) {
                // the client gave up
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
