package com.skylinksync.customerlink;

import com.skylinksync.magento.customers.MagentoCustomer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import com.skylinksync.runtime.locks.KeyLock;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The push's memory in the service's schema ({@code customer_push}, the table every service using this module
 * migrates: customer-sync-service's V1, fulfillment-sync-service's V2): per Magento customer what RE holds of it.
 * Blocking with a bound, like the runtime's status store: it is called from sync threads.
 *
 * <p>Public for the callers outside the push: the Retail Express → Magento sync, which records what it wrote
 * ({@link #writtenFromRetailExpress}) so the poll does not push RE's own change back to RE; and tests.
 */
public class PushLedger {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatabaseClient database;
    private final KeyLock creates;

    public PushLedger(DatabaseClient database) {
        this.database = database;
        this.creates = new KeyLock(database.getConnectionFactory(), "magento-customer-push", Duration.ofSeconds(30));
    }

    /** Runs {@code work} as the only push of this Magento customer anywhere on the database (see {@link KeyLock}). */
    <T> T exclusively(long magentoId, Supplier<T> work) {
        return creates.holding(Long.toString(magentoId), work);
    }

    /** A Magento customer was just written from RE customer {@code reCustomerId}: RE holds what it now holds. */
    public void writtenFromRetailExpress(MagentoCustomer written, int reCustomerId) {
        inStep(written.id(), reCustomerId, RetailExpressContent.of(written).hash(), written.updatedAt());
    }

    /** What the ledger holds of one Magento customer. */
    public record PushState(long magentoId, Integer reCustomerId, String state, String contentHash, String seenUpdatedAt,
                     String lastError) {
    }

    public Optional<PushState> find(long magentoId) {
        return Optional.ofNullable(database.sql("SELECT * FROM customer_push WHERE magento_id = $1")
                .bind(0, magentoId)
                .map(row -> new PushState(row.get("magento_id", Long.class), row.get("re_customer_id", Integer.class),
                        row.get("state", String.class), row.get("content_hash", String.class),
                        row.get("seen_updated_at", String.class), row.get("last_error", String.class)))
                .one().block(WAIT));
    }

    /** Before an RE create is sent: if the pod dies before {@link #inStep}, the next poll knows the outcome is unknown. */
    public void creating(long magentoId, String hash, String seenUpdatedAt) {
        upsert(magentoId, null, "CREATING", hash, seenUpdatedAt, null);
    }

    /** The create provably never reached RE (transient failure before sending): as if never tried. */
    void createNotSent(long magentoId) {
        database.sql("DELETE FROM customer_push WHERE magento_id = $1 AND state = 'CREATING'")
                .bind(0, magentoId).fetch().rowsUpdated().block(WAIT);
    }

    void inStep(long magentoId, int reCustomerId, String hash, String seenUpdatedAt) {
        upsert(magentoId, reCustomerId, "IN_STEP", hash, seenUpdatedAt, null);
    }

    void rejected(long magentoId, Integer reCustomerId, String hash, String seenUpdatedAt, String error) {
        upsert(magentoId, reCustomerId, "REJECTED", hash, seenUpdatedAt, error);
    }

    void parked(long magentoId, String hash, String seenUpdatedAt, String error) {
        upsert(magentoId, null, "PARKED", hash, seenUpdatedAt, error);
    }

    /** This version of the customer needs nothing (same content, or handled already). */
    void seen(long magentoId, String updatedAt) {
        database.sql("UPDATE customer_push SET seen_updated_at = $2, updated_at = now() WHERE magento_id = $1")
                .bind(0, magentoId).bind(1, updatedAt).fetch().rowsUpdated().block(WAIT);
    }

    private void upsert(long magentoId, Integer reCustomerId, String state, String hash, String seenUpdatedAt,
                        String error) {
        var spec = database.sql("""
                INSERT INTO customer_push (magento_id, re_customer_id, state, content_hash, seen_updated_at, last_error)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (magento_id) DO UPDATE
                   SET re_customer_id = COALESCE(EXCLUDED.re_customer_id, customer_push.re_customer_id),
                       state = EXCLUDED.state, content_hash = EXCLUDED.content_hash,
                       seen_updated_at = EXCLUDED.seen_updated_at, last_error = EXCLUDED.last_error, updated_at = now()""")
                .bind(0, magentoId);
        spec = reCustomerId == null ? spec.bindNull(1, Integer.class) : spec.bind(1, reCustomerId);
        spec = spec.bind(2, state);
        spec = hash == null ? spec.bindNull(3, String.class) : spec.bind(3, hash);
        spec = seenUpdatedAt == null ? spec.bindNull(4, String.class) : spec.bind(4, seenUpdatedAt);
        spec = error == null ? spec.bindNull(5, String.class) : spec.bind(5, error);
        spec.fetch().rowsUpdated().block(WAIT);
    }
}
