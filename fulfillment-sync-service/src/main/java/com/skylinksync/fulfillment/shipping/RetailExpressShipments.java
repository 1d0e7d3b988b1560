package com.skylinksync.fulfillment.shipping;

import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoOrderItem;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.magento.sales.MagentoSales.ShipItem;
import com.skylinksync.magento.sales.MagentoShipment;
import com.skylinksync.retailexpress.orders.BatchThreshold;
import com.skylinksync.retailexpress.orders.Fulfillment;
import com.skylinksync.retailexpress.orders.FulfillmentBatch;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.orders.OrderItem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * RE fulfilments → Magento shipments (reference 3.8): the fulfilments grouped into batches (300 s windows anchored on
 * a batch's first fulfilment, id = md5 of the sorted fulfilment ids), each batch one shipment whose comment carries
 * the batch id ({@link MagentoShipment#FULFILLMENT_BATCH_PREFIX}). Magento's shipments are checked before creating,
 * so a batch already shipped (by an earlier run, even one whose database row was lost) is never shipped again;
 * reading a shipment never changes its batch link (the original's {@code 'aoo'} defect). Quantities map through the
 * lines the order was sent with (a configurable's line is its parent item); more than is left to ship is refused
 * naming the item.
 */
@Component
class RetailExpressShipments {

    private final DocumentLedger ledger;
    private final MagentoSales magento;

    RetailExpressShipments(DocumentLedger ledger, MagentoSales magento) {
        this.ledger = ledger;
        this.magento = magento;
    }

    /** How many shipments were made now. {@code lines}: Magento item id → the RE product it was sent as. */
    int shipBatches(Order reOrder, MagentoOrder order, Map<Long, Integer> lines, BatchThreshold threshold) {
        List<FulfillmentBatch> batches = reOrder.fulfillmentBatches(threshold);
        if (batches.isEmpty()) {
            return 0;
        }
        List<MagentoShipment> existing = null;
        int made = 0;
        MagentoOrder current = order;
        for (FulfillmentBatch batch : batches) {
            String batchId = batch.id();
            if (batchId == null || ledger.shipment(batchId).filter(DocumentLedger.Document::done).isPresent()) {
                continue;
            }
            if (existing == null) {
                existing = magento.shipmentsOf(order.id());
            }
            Optional<MagentoShipment> shipped = existing.stream()
                    .filter(s -> s.fulfillmentBatchId().filter(batchId::equals).isPresent()).findFirst();
            if (shipped.isPresent()) {
                ledger.shipped(batchId, reOrder.id(), order.id(), shipped.get().id());
                continue;
            }
            List<ShipItem> items = items(batch, reOrder, current, lines);
            ledger.shipping(batchId, reOrder.id(), order.id());
            long shipmentId = magento.shipOrder(order.id(), items,
                    MagentoShipment.FULFILLMENT_BATCH_PREFIX + " " + batchId, List.of());
            ledger.shipped(batchId, reOrder.id(), order.id(), shipmentId);
            made++;
            current = magento.getOrder(order.id()).orElse(current);
        }
        return made;
    }

    private static List<ShipItem> items(FulfillmentBatch batch, Order reOrder, MagentoOrder order, Map<Long, Integer> lines) {
        Map<Integer, Integer> productOfReItem = reOrder.items().stream().filter(i -> i.id() != null)
                .collect(Collectors.toMap(OrderItem::id, OrderItem::productId, (a, b) -> a));
        Map<Long, BigDecimal> qtyByItem = new LinkedHashMap<>();
        for (Fulfillment fulfillment : batch.fulfillments()) {
            Integer productId = productOfReItem.get(fulfillment.itemId());
            MagentoOrderItem item = productId == null ? null : order.topLevelItems().stream()
                    .filter(i -> productId.equals(lines.get(i.id()))).findFirst().orElse(null);
            if (item == null) {
                throw new PermanentSyncException("FULFILLED_ITEM_NOT_IN_ORDER", "RE fulfilment " + fulfillment.id()
                        + " of order " + reOrder.id() + " is of RE line " + fulfillment.itemId() + " (product "
                        + productId + "), which no line of Magento order " + order.incrementId() + " was sent as");
            }
            qtyByItem.merge(item.id(), fulfillment.qty(), BigDecimal::add);
        }
        Set<Long> seen = qtyByItem.keySet();
        for (MagentoOrderItem item : order.topLevelItems()) {
            if (seen.contains(item.id()) && qtyByItem.get(item.id()).compareTo(item.qtyToShip()) > 0) {
                throw new PermanentSyncException("FULFILLMENT_MORE_THAN_LEFT_TO_SHIP", "RE fulfilment batch " + batch.id()
                        + " ships " + qtyByItem.get(item.id()).toPlainString() + " of \"" + item.name() + "\" (SKU "
                        + item.sku() + ") on Magento order " + order.incrementId() + ", which has only "
                        + item.qtyToShip().toPlainString() + " left to ship");
            }
        }
        return qtyByItem.entrySet().stream().map(e -> new ShipItem(e.getKey(), e.getValue())).toList();
    }
}
