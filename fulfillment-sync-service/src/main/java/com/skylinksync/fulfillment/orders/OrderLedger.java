package com.skylinksync.fulfillment.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Which Magento order is which RE order ({@code order_link}) and which RE product each of its lines was sent as
 * ({@code order_line}). The intent ({@code CREATING}) is written before {@code OrderCreateByChannel}, the RE id as
 * soon as RE answers ({@code CREATED}), {@code LINKED} once the id is written back to Magento. Blocking with a bound:
 * called from sync threads. Public for the payment push and the RE → Magento sync, which find orders through it.
 */
@Component
public class OrderLedger {

    private static final Duration WAIT = Duration.ofSeconds(10);

    public enum State { CREATING, CREATED, LINKED, PARKED }

    /** {@code rebuilt}: the link was read back from Magento or RE, not recorded here when the order was created. */
    public record Link(long magentoOrderId, String reOrderId, State state, int salesChannelId, String paymentMethod,
                       boolean rebuilt) {
    }

    private final DatabaseClient database;

    OrderLedger(DatabaseClient database) {
        this.database = database;
    }

    public Optional<Link> byMagentoOrder(long magentoOrderId) {
        return Optional.ofNullable(database.sql("SELECT * FROM order_link WHERE magento_order_id = $1")
                .bind(0, magentoOrderId).map(OrderLedger::link).one().block(WAIT));
    }

    public Optional<Link> byRetailExpressOrder(String reOrderId) {
        return Optional.ofNullable(database.sql("SELECT * FROM order_link WHERE re_order_id = $1")
                .bind(0, reOrderId).map(OrderLedger::link).one().block(WAIT));
    }

    /** Magento item id → RE product id of the order's top-level lines. */
    public Map<Long, Integer> lines(long magentoOrderId) {
        List<Map.Entry<Long, Integer>> rows = database.sql(
                        "SELECT magento_item_id, re_product_id FROM order_line WHERE magento_order_id = $1")
                .bind(0, magentoOrderId)
                .map(row -> Map.entry(row.get("magento_item_id", Long.class), row.get("re_product_id", Integer.class)))
                .all().collectList().block(WAIT);
        return rows == null ? Map.of() : Map.ofEntries(rows.toArray(Map.Entry[]::new));
    }

    /** Before the create is sent; with the lines as they are being sent. */
    void creating(long magentoOrderId, int salesChannelId, String paymentMethod, Map<Long, Integer> lines) {
        database.sql("""
                INSERT INTO order_link (magento_order_id, state, sales_channel_id, payment_method)
                VALUES ($1, 'CREATING', $2, $3)""")
                .bind(0, magentoOrderId).bind(1, salesChannelId).bind(2, paymentMethod == null ? "" : paymentMethod)
                .fetch().rowsUpdated().block(WAIT);
        insertLines(magentoOrderId, lines);
    }

    /** The create provably did not reach RE (refused, or failed before sending): as if never tried. */
    void notSent(long magentoOrderId) {
        database.sql("DELETE FROM order_line WHERE magento_order_id = $1").bind(0, magentoOrderId)
                .fetch().rowsUpdated().block(WAIT);
        database.sql("DELETE FROM order_link WHERE magento_order_id = $1 AND state = 'CREATING'")
                .bind(0, magentoOrderId).fetch().rowsUpdated().block(WAIT);
    }

    /** RE answered with its order id (or an operator, or Magento's own link, says which it is). */
    void created(long magentoOrderId, String reOrderId) {
        update(magentoOrderId, reOrderId, State.CREATED, null);
    }

    void linked(long magentoOrderId, String reOrderId) {
        update(magentoOrderId, reOrderId, State.LINKED, null);
    }

    void parked(long magentoOrderId, String error) {
        update(magentoOrderId, null, State.PARKED, error);
    }

    /** Magento (by its comment) or RE (by its private comment) says the order is already in RE: rebuilt without a write. */
    void rebuilt(long magentoOrderId, int salesChannelId, String paymentMethod, String reOrderId, Map<Long, Integer> lines) {
        database.sql("""
                INSERT INTO order_link (magento_order_id, re_order_id, state, sales_channel_id, payment_method, rebuilt)
                VALUES ($1, $2, 'LINKED', $3, $4, true)
                ON CONFLICT (magento_order_id) DO UPDATE SET re_order_id = EXCLUDED.re_order_id, state = 'LINKED',
                    updated_at = now()""")
                .bind(0, magentoOrderId).bind(1, reOrderId).bind(2, salesChannelId)
                .bind(3, paymentMethod == null ? "" : paymentMethod).fetch().rowsUpdated().block(WAIT);
        insertLines(magentoOrderId, lines);
    }

    private void insertLines(long magentoOrderId, Map<Long, Integer> lines) {
        lines.forEach((itemId, productId) -> database.sql("""
                        INSERT INTO order_line (magento_order_id, magento_item_id, re_product_id) VALUES ($1, $2, $3)
                        ON CONFLICT DO NOTHING""")
                .bind(0, magentoOrderId).bind(1, itemId).bind(2, productId).fetch().rowsUpdated().block(WAIT));
    }

    private void update(long magentoOrderId, String reOrderId, State state, String error) {
        var spec = database.sql("""
                UPDATE order_link SET re_order_id = COALESCE($2, re_order_id), state = $3, last_error = $4,
                    updated_at = now() WHERE magento_order_id = $1""")
                .bind(0, magentoOrderId);
        spec = reOrderId == null ? spec.bindNull(1, String.class) : spec.bind(1, reOrderId);
        spec = spec.bind(2, state.name());
        spec = error == null ? spec.bindNull(3, String.class) : spec.bind(3, error);
        spec.fetch().rowsUpdated().block(WAIT);
    }

    private static Link link(io.r2dbc.spi.Readable row) {
        return new Link(row.get("magento_order_id", Long.class), row.get("re_order_id", String.class),
                State.valueOf(row.get("state", String.class)), row.get("sales_channel_id", Integer.class),
                row.get("payment_method", String.class), Boolean.TRUE.equals(row.get("rebuilt", Boolean.class)));
    }
}
