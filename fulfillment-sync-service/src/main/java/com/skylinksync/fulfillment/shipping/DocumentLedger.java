package com.skylinksync.fulfillment.shipping;

import java.time.Duration;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What SkyLink made in Magento from RE: the invoice of a fully paid RE order ({@code re_invoice}) and the shipment of
 * each fulfilment batch ({@code re_shipment}), each with its intent ({@code INVOICING}, {@code SHIPPING}) recorded
 * before the Magento write; and the RE orders that are not Magento's ({@code foreign_order}).
 */
@Component
class DocumentLedger {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Document(String state, Long magentoId) {

        boolean done() {
            return state.equals("INVOICED") || state.equals("SHIPPED");
        }
    }

    private final DatabaseClient database;

    DocumentLedger(DatabaseClient database) {
        this.database = database;
    }

    Optional<Document> invoice(String reOrderId) {
        return Optional.ofNullable(database.sql("SELECT state, magento_invoice_id FROM re_invoice WHERE re_order_id = $1")
                .bind(0, reOrderId).map(row -> new Document(row.get("state", String.class),
                        row.get("magento_invoice_id", Long.class))).one().block(WAIT));
    }

    void invoicing(String reOrderId, long magentoOrderId) {
        database.sql("""
                INSERT INTO re_invoice (re_order_id, magento_order_id, state) VALUES ($1, $2, 'INVOICING')
                ON CONFLICT (re_order_id) DO NOTHING""")
                .bind(0, reOrderId).bind(1, magentoOrderId).fetch().rowsUpdated().block(WAIT);
    }

    void invoiced(String reOrderId, long magentoOrderId, long magentoInvoiceId) {
        database.sql("""
                INSERT INTO re_invoice (re_order_id, magento_order_id, state, magento_invoice_id) VALUES ($1, $2, 'INVOICED', $3)
                ON CONFLICT (re_order_id) DO UPDATE SET state = 'INVOICED', magento_invoice_id = EXCLUDED.magento_invoice_id,
                    updated_at = now()""")
                .bind(0, reOrderId).bind(1, magentoOrderId).bind(2, magentoInvoiceId).fetch().rowsUpdated().block(WAIT);
    }

    Optional<Document> shipment(String batchId) {
        return Optional.ofNullable(database.sql("SELECT state, magento_shipment_id FROM re_shipment WHERE batch_id = $1")
                .bind(0, batchId).map(row -> new Document(row.get("state", String.class),
                        row.get("magento_shipment_id", Long.class))).one().block(WAIT));
    }

    void shipping(String batchId, String reOrderId, long magentoOrderId) {
        database.sql("""
                INSERT INTO re_shipment (batch_id, re_order_id, magento_order_id, state) VALUES ($1, $2, $3, 'SHIPPING')
                ON CONFLICT (batch_id) DO NOTHING""")
                .bind(0, batchId).bind(1, reOrderId).bind(2, magentoOrderId).fetch().rowsUpdated().block(WAIT);
    }

    void shipped(String batchId, String reOrderId, long magentoOrderId, long magentoShipmentId) {
        database.sql("""
                INSERT INTO re_shipment (batch_id, re_order_id, magento_order_id, state, magento_shipment_id)
                VALUES ($1, $2, $3, 'SHIPPED', $4)
                ON CONFLICT (batch_id) DO UPDATE SET state = 'SHIPPED', magento_shipment_id = EXCLUDED.magento_shipment_id,
                    updated_at = now()""")
                .bind(0, batchId).bind(1, reOrderId).bind(2, magentoOrderId).bind(3, magentoShipmentId)
                .fetch().rowsUpdated().block(WAIT);
    }

    /** Whether the RE order was announced before and found not to be Magento's. */
    boolean isForeign(String reOrderId) {
        return Boolean.TRUE.equals(database.sql("SELECT true AS known FROM foreign_order WHERE re_order_id = $1")
                .bind(0, reOrderId).map(row -> row.get("known", Boolean.class)).one().block(WAIT));
    }

    /** An RE order that did not come from Magento (sold in RE's own POS) was announced. */
    void foreign(String reOrderId) {
        database.sql("""
                INSERT INTO foreign_order (re_order_id) VALUES ($1)
                ON CONFLICT (re_order_id) DO UPDATE SET last_seen = now()""")
                .bind(0, reOrderId).fetch().rowsUpdated().block(WAIT);
    }
}
