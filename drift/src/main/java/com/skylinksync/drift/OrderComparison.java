package com.skylinksync.drift;

import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoOrderComment;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.magento.sales.MagentoShipment;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.orders.BatchThreshold;
import com.skylinksync.retailexpress.orders.FulfillmentBatch;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.orders.Payment;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Magento orders created between {@code order-lookback} and {@code order-age} ago, by pages, against RE, through the
 * links the order loop writes in Magento: {@code SkyLink Order ID: #<id>} on the order, {@code SkyLink Payment ID: #<id>
 * (invoice #<increment>)} per paid invoice, {@code SkyLink: paid in Retail Express} on invoices made from RE payments,
 * {@code SkyLink fulfillment batch: <md5>} on shipments. One {@code GetOrder} per linked order.
 */
final class OrderComparison {

    static final String ORDER_LINK = "SkyLink Order ID: #";
    static final String PAID_IN_RE = "SkyLink: paid in Retail Express";
    private static final Pattern PAYMENT_LINK = Pattern.compile("SkyLink Payment ID: #(\\d+) \\(invoice #([^)]*)\\)");
    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RetailExpressSales retailExpress;
    private final MagentoSales magento;
    private final DriftProperties properties;

    OrderComparison(RetailExpressSales retailExpress, MagentoSales magento, DriftProperties properties) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.properties = properties;
    }

    private SearchCriteria.Builder orders(Instant now) {
        return SearchCriteria.builder()
                .where(SearchCriteria.Filter.gteq("created_at", MAGENTO_TIME.format(now.minus(properties.orderLookback()))))
                .where(SearchCriteria.Filter.lteq("created_at", MAGENTO_TIME.format(now.minus(properties.orderAge()))))
                .sortBy("entity_id", SearchCriteria.Direction.ASC);
    }

    /** One GetOrder per order in the window (an upper bound: unlinked orders cost none). */
    long estimateCalls(MagentoReads mage, Instant now) {
        return mage.call(() -> magento.searchOrders(orders(now).page(1, 1).build())).totalCount();
    }

    int compare(RetailExpressReads re, MagentoReads mage, Instant now, List<Drift> out) {
        List<MagentoOrder> orders = mage.all(orders(now), magento::searchOrders);
        if (orders.isEmpty()) {
            return 0;
        }
        String from = orders.stream().map(MagentoOrder::createdAt).min(String::compareTo).orElseThrow();
        Map<Long, List<MagentoInvoice>> invoices = mage.all(SearchCriteria.builder().where(SearchCriteria.Filter.gteq("created_at", from))
                        .sortBy("entity_id", SearchCriteria.Direction.ASC), magento::searchInvoices).stream()
                .collect(Collectors.groupingBy(MagentoInvoice::orderId));
        Map<Long, List<MagentoShipment>> shipments = mage.all(SearchCriteria.builder().where(SearchCriteria.Filter.gteq("created_at", from))
                        .sortBy("entity_id", SearchCriteria.Direction.ASC), magento::searchShipments).stream()
                .collect(Collectors.groupingBy(MagentoShipment::orderId));
        for (MagentoOrder order : orders) {
            String magentoId = String.valueOf(order.id());
            Optional<String> link = order.commentValue(ORDER_LINK);
            if (link.isEmpty()) {
                out.add(new Drift(DriftCategory.ORDER_NOT_IN_RETAIL_EXPRESS, "order", magentoId, order.incrementId(), "",
                        "", "increment_id=" + order.incrementId() + "; created_at=" + order.createdAt() + "; status=" + order.status(),
                        new Drift.HealTarget(EntityType.MAGENTO_ORDER, magentoId, JSON.writeValueAsString(order)), null));
                continue;
            }
            String reId = link.get();
            Optional<Order> found = re.call(() -> retailExpress.getOrder(reId));
            if (found.isEmpty()) {
                out.add(new Drift(DriftCategory.ORDER_NOT_IN_RETAIL_EXPRESS, "order", reId, order.incrementId(), "link", "",
                        "link=" + reId, null, "Magento order " + order.incrementId() + " is linked to RE order " + reId
                        + ", which RE does not have: check RE, then remove the link comment to have it created again"));
                continue;
            }
            Order reOrder = found.get();
            Set<Integer> rePayments = reOrder.payments().stream().map(Payment::id).collect(Collectors.toSet());
            List<MagentoInvoice> ofOrder = invoices.getOrDefault(order.id(), List.of());
            for (MagentoInvoice invoice : ofOrder) {
                if (invoice.hasComment(PAID_IN_RE)) {
                    continue; // made from RE's payments: nothing to pay into RE
                }
                List<Integer> paid = paymentsOf(order, invoice);
                Drift.HealTarget heal = new Drift.HealTarget(EntityType.MAGENTO_INVOICE, magentoId, JSON.writeValueAsString(invoice));
                if (paid.isEmpty()) {
                    out.add(new Drift(DriftCategory.INVOICE_WITHOUT_PAYMENT, "invoice", reId, invoice.incrementId(), "payment",
                            "", "invoice=" + invoice.incrementId() + "; grand_total=" + invoice.grandTotal(), heal, null));
                } else if (paid.stream().noneMatch(rePayments::contains)) {
                    out.add(new Drift(DriftCategory.INVOICE_WITHOUT_PAYMENT, "invoice", reId, invoice.incrementId(), "payment",
                            "payments=" + rePayments.stream().sorted().toList(),
                            "invoice=" + invoice.incrementId() + "; paid as=" + paid, heal, null));
                }
            }
            if (!reOrder.payments().isEmpty() && reOrder.isPaid() && ofOrder.isEmpty()) {
                out.add(new Drift(DriftCategory.PAYMENT_NOT_IN_MAGENTO, "order", reId, order.incrementId(), "invoice",
                        "paid=" + reOrder.totalPaid().toPlainString() + "; total=" + reOrder.total().toPlainString(), "invoices=0",
                        new Drift.HealTarget(EntityType.ORDER, reId), null));
            }
            Set<String> shipped = shipments.getOrDefault(order.id(), List.of()).stream()
                    .map(MagentoShipment::fulfillmentBatchId).flatMap(Optional::stream).collect(Collectors.toSet());
            for (FulfillmentBatch batch : reOrder.fulfillmentBatches(BatchThreshold.DEFAULT)) {
                if (batch.id() != null && !shipped.contains(batch.id())) {
                    out.add(new Drift(DriftCategory.FULFILLMENT_NOT_IN_MAGENTO, "order", reId, order.incrementId(), "shipment",
                            "fulfillment batch=" + batch.id() + " at " + batch.fulfilledAt(), "shipments=" + shipped.size(),
                            new Drift.HealTarget(EntityType.ORDER, reId), null));
                }
            }
        }
        return orders.size();
    }

    /** Every RE payment an invoice was paid into RE as (a heal that paid again adds a second comment). */
    private static List<Integer> paymentsOf(MagentoOrder order, MagentoInvoice invoice) {
        List<Integer> ids = new java.util.ArrayList<>();
        for (MagentoOrderComment comment : order.statusHistories()) {
            if (comment.comment() == null) {
                continue;
            }
            Matcher matcher = PAYMENT_LINK.matcher(comment.comment());
            if (matcher.find() && matcher.group(2).strip().equals(invoice.incrementId())) {
                ids.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return ids;
    }
}
