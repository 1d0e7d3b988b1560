package com.skylinksync.sandbox.stack.benchmark;

import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.catalog.MagentoProduct;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The original extension's shape, for the benchmark's baseline only (not production code): its EDS controller put one
 * command per entity in a queue table ({@code retail_express_command_bus_messages}); one {@code consume-queue} worker
 * reserved one row at a time, ran the handler — one RE call, one Magento write — and, finding the queue empty, paused
 * {@code --pause-when-empty} = 3 s before looking again (reference/skylink-magento-2-behaviour.md, 2.3–2.4).
 * Here the table lives in the stack's PostgreSQL and the calls go through the same RE and Magento clients as the
 * services', against the same simulators with the same injected latency.
 *
 * <p>The Magento record each write starts from is read once when the worker is made (the original looked it up by its
 * link attribute on every command; leaving that read out only flatters the baseline).
 */
final class QueueTableWorker implements AutoCloseable {

    static final Duration PAUSE_WHEN_EMPTY = Duration.ofSeconds(3);
    private static final int SALES_CHANNEL = 1;

    private final Connection database;
    private final RetailExpressCustomers reCustomers;
    private final RetailExpressCatalogue reCatalogue;
    private final MagentoCustomers magentoCustomers;
    private final MagentoCatalog magentoCatalog;
    private final Map<Integer, MagentoCustomer> customers;
    private final Map<Integer, MagentoProduct> products;
    private final Thread worker;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;

    QueueTableWorker(String jdbcUrl, String user, RetailExpressCustomers reCustomers, RetailExpressCatalogue reCatalogue,
                     MagentoCustomers magentoCustomers, MagentoCatalog magentoCatalog,
                     Map<Integer, MagentoCustomer> customers, Map<Integer, MagentoProduct> products) throws SQLException {
        this.database = DriverManager.getConnection(jdbcUrl, user, "");
        this.reCustomers = reCustomers;
        this.reCatalogue = reCatalogue;
        this.magentoCustomers = magentoCustomers;
        this.magentoCatalog = magentoCatalog;
        this.customers = Map.copyOf(customers);
        this.products = Map.copyOf(products);
        try (Statement ddl = database.createStatement()) {
            ddl.execute("CREATE SCHEMA IF NOT EXISTS baseline_queue");
            ddl.execute("""
                    CREATE TABLE IF NOT EXISTS baseline_queue.messages (
                      id bigserial PRIMARY KEY, queue text NOT NULL, entity_type text NOT NULL, entity_id int NOT NULL,
                      batch_id text NOT NULL, reserved_at timestamptz, attempts int NOT NULL DEFAULT 0)""");
        }
        this.worker = Thread.ofPlatform().name("baseline-consume-queue").start(this::consume);
    }

    /** What the original EDS controller did for each entity of a change set, inside the request. */
    void enqueue(Probe probe, String changeSetId) throws SQLException {
        try (PreparedStatement insert = database.prepareStatement(
                "INSERT INTO baseline_queue.messages (queue, entity_type, entity_id, batch_id) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, probe.customer() ? "customers" : "products");
            insert.setString(2, probe.edsType());
            insert.setInt(3, probe.id());
            insert.setString(4, changeSetId);
            insert.executeUpdate();
        }
    }

    /** The first error the worker met, if any (the benchmark then reports the baseline as failed). */
    Exception failure() {
        return failure.get();
    }

    private void consume() {
        try (Connection own = DriverManager.getConnection(database.getMetaData().getURL(), database.getMetaData().getUserName(), "")) {
            while (running) {
                Reserved next = reserve(own);
                if (next == null) {
                    // consume-queue's --pause-when-empty: the shape being measured, not a wait for a condition.
                    Thread.sleep(PAUSE_WHEN_EMPTY);
                    continue;
                }
                handle(next);
                try (PreparedStatement done = own.prepareStatement("DELETE FROM baseline_queue.messages WHERE id = ?")) {
                    done.setLong(1, next.rowId());
                    done.executeUpdate();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private record Reserved(long rowId, String entityType, int entityId) {
    }

    private static Reserved reserve(Connection connection) throws SQLException {
        try (PreparedStatement reserve = connection.prepareStatement("""
                UPDATE baseline_queue.messages SET reserved_at = now(), attempts = attempts + 1
                WHERE id = (SELECT id FROM baseline_queue.messages WHERE reserved_at IS NULL ORDER BY id LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                RETURNING id, entity_type, entity_id""");
             ResultSet row = reserve.executeQuery()) {
            return row.next() ? new Reserved(row.getLong(1), row.getString(2), row.getInt(3)) : null;
        }
    }

    /** The handler: one RE call for the one entity, then one Magento write of it. */
    private void handle(Reserved command) {
        int id = command.entityId();
        if (command.entityType().equals("Customer")) {
            var re = reCustomers.getCustomer(id).orElseThrow(() -> new IllegalStateException("No RE customer " + id));
            MagentoCustomer current = customers.get(id);
            magentoCustomers.updateCustomer(new MagentoCustomer(current.id(), current.email(), re.billing().firstName(),
                    current.lastname(), current.websiteId(), current.groupId(), current.addresses(),
                    current.customAttributes(), current.subscribed(), null));
        } else {
            var re = reCatalogue.getProductsByChannel(java.util.List.of(id), SALES_CHANNEL).simpleProduct(id)
                    .orElseThrow(() -> new IllegalStateException("No RE product " + id));
            MagentoProduct current = products.get(id);
            BigDecimal price = re.pricing() == null ? current.price() : re.pricing().regularPrice();
            magentoCatalog.saveProduct(current.sku(), new MagentoProduct(current.id(), current.sku(), current.name(),
                    current.typeId(), current.attributeSetId(), price, current.status(), current.visibility(),
                    current.weight(), current.customAttributes(), null, null, null, null, null), MagentoCatalog.ALL_STORES);
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
