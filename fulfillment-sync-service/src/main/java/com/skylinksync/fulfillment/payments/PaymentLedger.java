package com.skylinksync.fulfillment.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Which Magento invoice became which RE payment ({@code payment_link}): {@code PAYING} before
 * {@code OrderAddPayment} is sent, {@code SENT} once RE answered it (taken; its id not yet read back), {@code PAID}
 * with RE's payment id, {@code PARKED} when the outcome stayed unknown. The state column is free text, so
 * {@code SENT} needed no migration.
 */
@Component
class PaymentLedger {

    private static final Duration WAIT = Duration.ofSeconds(10);

    enum State { PAYING, SENT, PAID, PARKED }

    record Entry(long magentoInvoiceId, long magentoOrderId, String reOrderId, State state, int methodId,
                 BigDecimal amount, Instant madeAt, Integer rePaymentId) {
    }

    private final DatabaseClient database;

    PaymentLedger(DatabaseClient database) {
        this.database = database;
    }

    Optional<Entry> find(long magentoInvoiceId) {
        return Optional.ofNullable(database.sql("SELECT * FROM payment_link WHERE magento_invoice_id = $1")
                .bind(0, magentoInvoiceId).map(PaymentLedger::entry).one().block(WAIT));
    }

    /** RE payment ids already accounted to an invoice of this RE order. */
    List<Integer> recordedPayments(String reOrderId) {
        return database.sql("SELECT re_payment_id FROM payment_link WHERE re_order_id = $1 AND re_payment_id IS NOT NULL")
                .bind(0, reOrderId).map(row -> row.get("re_payment_id", Integer.class)).all().collectList().block(WAIT);
    }

    void paying(Entry entry) {
        database.sql("""
                INSERT INTO payment_link (magento_invoice_id, magento_order_id, re_order_id, state, method_id, amount, made_at)
                VALUES ($1, $2, $3, 'PAYING', $4, $5, $6)
                ON CONFLICT (magento_invoice_id) DO UPDATE SET state = 'PAYING', updated_at = now()""")
                .bind(0, entry.magentoInvoiceId()).bind(1, entry.magentoOrderId()).bind(2, entry.reOrderId())
                .bind(3, entry.methodId()).bind(4, entry.amount())
                .bind(5, OffsetDateTime.ofInstant(entry.madeAt(), ZoneOffset.UTC)).fetch().rowsUpdated().block(WAIT);
    }

    /** A payment found made already (in Magento's comments or RE's payments) though this database had no row of it. */
    void rebuilt(long magentoInvoiceId, long magentoOrderId, String reOrderId, int rePaymentId) {
        database.sql("""
                INSERT INTO payment_link (magento_invoice_id, magento_order_id, re_order_id, state, method_id, amount,
                                          made_at, re_payment_id)
                VALUES ($1, $2, $3, 'PAID', 0, 0, now(), $4)
                ON CONFLICT (magento_invoice_id) DO UPDATE SET state = 'PAID', re_payment_id = EXCLUDED.re_payment_id,
                    updated_at = now()""")
                .bind(0, magentoInvoiceId).bind(1, magentoOrderId).bind(2, reOrderId).bind(3, rePaymentId)
                .fetch().rowsUpdated().block(WAIT);
    }

    void notSent(long magentoInvoiceId) {
        database.sql("DELETE FROM payment_link WHERE magento_invoice_id = $1 AND state = 'PAYING'")
                .bind(0, magentoInvoiceId).fetch().rowsUpdated().block(WAIT);
    }

    /** RE answered {@code OrderAddPayment}: the payment exists, and is never sent again for this invoice. */
    void sent(long magentoInvoiceId) {
        database.sql("UPDATE payment_link SET state = 'SENT', updated_at = now() WHERE magento_invoice_id = $1")
                .bind(0, magentoInvoiceId).fetch().rowsUpdated().block(WAIT);
    }

    void paid(long magentoInvoiceId, int rePaymentId) {
        database.sql("UPDATE payment_link SET state = 'PAID', re_payment_id = $2, updated_at = now() WHERE magento_invoice_id = $1")
                .bind(0, magentoInvoiceId).bind(1, rePaymentId).fetch().rowsUpdated().block(WAIT);
    }

    void parked(long magentoInvoiceId) {
        database.sql("UPDATE payment_link SET state = 'PARKED', updated_at = now() WHERE magento_invoice_id = $1")
                .bind(0, magentoInvoiceId).fetch().rowsUpdated().block(WAIT);
    }

    private static Entry entry(io.r2dbc.spi.Readable row) {
        return new Entry(row.get("magento_invoice_id", Long.class), row.get("magento_order_id", Long.class),
                row.get("re_order_id", String.class), State.valueOf(row.get("state", String.class)),
                row.get("method_id", Integer.class), row.get("amount", BigDecimal.class),
                row.get("made_at", OffsetDateTime.class).toInstant(), row.get("re_payment_id", Integer.class));
    }
}
