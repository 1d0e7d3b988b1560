package com.skylinksync.fulfillment.shipping;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.OrderFence;
import com.skylinksync.fulfillment.orders.MagentoOrderPush;
import com.skylinksync.fulfillment.orders.OrderLedger;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.orders.BatchThreshold;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.schemas.avro.EntityType;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * RE order changed (EDS {@code Order}, bulk, single) → its Magento order's invoice and shipments, from the order's
 * current state in RE ({@code GetOrder}): a full invoice once RE's payments cover what is due
 * ({@link RetailExpressInvoices}), one shipment per fulfilment batch ({@link RetailExpressShipments}). An RE order
 * that did not come from Magento (a sale in RE's POS) is recorded as not Magento's and reported {@code UNCHANGED}:
 * not an error, so its change set is acknowledged. The target id is the Magento order id.
 *
 * <p>An RE order the ledger does not know is read from RE once: if its private comments name a Magento order that
 * Magento has (the ledger lost it with a database), the link is rebuilt and the order synced; otherwise it is
 * recorded as not Magento's and later announcements of it cost no RE call. The writes hold the Magento order's
 * {@link OrderFence}.
 */
@Component
class RetailExpressOrderSyncer implements EntitySyncer {

    private final OrderLedger orders;
    private final DocumentLedger documents;
    private final RetailExpressSales retailExpress;
    private final MagentoSales magento;
    private final RetailExpressInvoices invoices;
    private final RetailExpressShipments shipments;
    private final BatchThreshold threshold;
    private final MagentoOrderPush orderPush;
    private final OrderFence fence;

    RetailExpressOrderSyncer(OrderLedger orders, DocumentLedger documents, RetailExpressSales retailExpress,
                             MagentoSales magento, RetailExpressInvoices invoices, RetailExpressShipments shipments,
                             OrderSettings settings, MagentoOrderPush orderPush, OrderFence fence) {
        this.orderPush = orderPush;
        this.fence = fence;
        this.orders = orders;
        this.documents = documents;
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.invoices = invoices;
        this.shipments = shipments;
        this.threshold = new BatchThreshold(settings.batchThreshold());
    }

    @Override
    public EntityType entityType() {
        return EntityType.ORDER;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        String reOrderId = task.entityId().strip();
        Optional<OrderLedger.Link> link = orders.byRetailExpressOrder(reOrderId);
        Order reOrder = null;
        if (link.isEmpty()) {
            if (documents.isForeign(reOrderId)) {
                documents.foreign(reOrderId);
                return SyncResult.unchanged(null, "not-magento");
            }
            reOrder = retailExpress.getOrder(reOrderId).orElse(null);
            Optional<MagentoOrder> named = reOrder == null ? Optional.empty()
                    : MagentoOrderPush.magentoOrderNamedIn(reOrder.privateComments()).flatMap(magento::getOrder)
                    .filter(o -> o.commentValue(MagentoOrderPush.LINK_PREFIX).map(reOrderId::equals).orElse(true));
            if (named.isEmpty()) {
                documents.foreign(reOrderId);
                return SyncResult.unchanged(null, "not-magento");
            }
            MagentoOrder lost = named.get();
            fence.holding(lost.id(), () -> {
                if (orders.byRetailExpressOrder(reOrderId).isEmpty()) {
                    orderPush.relink(lost, reOrderId);
                }
                return null;
            });
        }
        long magentoOrderId = orders.byRetailExpressOrder(reOrderId).orElseThrow().magentoOrderId();
        Order known = reOrder;
        return fence.holding(magentoOrderId, () -> syncOrder(reOrderId, magentoOrderId, known));
    }

    private SyncResult syncOrder(String reOrderId, long magentoOrderId, Order readAlready) {
        Order reOrder = readAlready != null ? readAlready : retailExpress.getOrder(reOrderId).orElseThrow(() -> new PermanentSyncException(
                "NOT_FOUND_IN_RETAIL_EXPRESS", "RE order " + reOrderId + " (Magento order " + magentoOrderId
                + ") is not in Retail Express: cancelled in RE and hidden from the API?"));
        MagentoOrder order = magento.getOrder(magentoOrderId).orElseThrow(() -> new PermanentSyncException(
                "MAGENTO_ORDER_NOT_FOUND", "Magento order " + magentoOrderId + " of RE order " + reOrderId
                + " is not in Magento"));
        boolean invoiced = invoices.invoiceIfPaid(reOrder, order);
        if (invoiced) {
            order = magento.getOrder(magentoOrderId).orElse(order);
        }
        int shipped = shipments.shipBatches(reOrder, order, orders.lines(magentoOrderId), threshold);
        String target = String.valueOf(magentoOrderId);
        return invoiced || shipped > 0 ? SyncResult.synced(target, null) : SyncResult.unchanged(target, null);
    }
}
