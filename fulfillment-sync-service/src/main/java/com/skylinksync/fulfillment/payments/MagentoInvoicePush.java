package com.skylinksync.fulfillment.payments;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.fulfillment.orders.MagentoOrderPush;
import com.skylinksync.fulfillment.orders.OrderLedger;
import com.skylinksync.fulfillment.shipping.RetailExpressInvoices;
import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.orders.Payment;
import com.skylinksync.retailexpress.payments.NewPayment;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Magento invoice → one RE payment ({@code OrderAddPayment}) with the mapped payment method, the invoice's grand total
 * and date. The invoice comes after its order: it is on the order's key, behind the order's push; an invoice polled
 * before its order was (orders and invoices are polled apart) places the order first, as the original did. An invoice SkyLink itself made from RE's payments is RE's own
 * and is not paid again. A payment whose intent was recorded but whose outcome was not (a pod killed mid-write) is
 * resolved by reading the RE order's payments: one matching it (method, amount, date) not accounted to another
 * invoice is it; none means it was never made and it is sent.
 */
@Component
class MagentoInvoicePush implements EntitySyncer {

    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Snapshots snapshots;
    private final OrderLedger orders;
    private final PaymentLedger payments;
    private final MagentoSales magento;
    private final RetailExpressSales retailExpress;
    private final OrderSettings settings;
    private final MagentoOrderPush orderPush;

    MagentoInvoicePush(Snapshots snapshots, OrderLedger orders, PaymentLedger payments, MagentoSales magento,
                       RetailExpressSales retailExpress, OrderSettings settings, MagentoOrderPush orderPush) {
        this.orderPush = orderPush;
        this.snapshots = snapshots;
        this.orders = orders;
        this.payments = payments;
        this.magento = magento;
        this.retailExpress = retailExpress;
        this.settings = settings;
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_INVOICE;
    }

    @Override
    public Ordering ordering() {
        return Ordering.strict();
    }

    @Override
    public SyncResult sync(SyncTask task) {
        MagentoInvoice invoice = snapshots.invoice(task.latest().getSnapshot());
        Optional<PaymentLedger.Entry> known = payments.find(invoice.id());
        if (known.isPresent() && known.get().state() == PaymentLedger.State.PAID) {
            // A drift heal says RE lost the payment: only then is RE asked, and a payment it no longer has is made again.
            if (task.latest().getOrigin() != Origin.DRIFT || stillInRetailExpress(known.get())) {
                return SyncResult.unchanged(String.valueOf(known.get().rePaymentId()), null);
            }
            known = Optional.empty();
        }
        if (known.isPresent() && known.get().state() == PaymentLedger.State.PARKED) {
            throw new UncertainSyncException(unknownOutcome(invoice, known.get().reOrderId()), null);
        }
        if (invoice.hasComment(RetailExpressInvoices.INVOICE_COMMENT)) {
            return SyncResult.unchanged(null, null); // made from RE's payments: RE already has them
        }
        MagentoOrder order = magento.getOrder(invoice.orderId()).orElseThrow(() -> new PermanentSyncException(
                "ORDER_NOT_FOUND", "Invoice " + invoice.incrementId() + " names order " + invoice.orderId()
                + ", which Magento does not have"));
        // Usually the order's own change (ahead on this key) has placed it; an invoice polled before its order
        // places it here (a parked or refused order fails the invoice with the order's reason).
        String reOrderId = orders.byMagentoOrder(order.id()).filter(l -> l.reOrderId() != null)
                .map(OrderLedger.Link::reOrderId).orElseGet(() -> orderPush.push(order).targetId());
        if (known.isPresent()) {
            Optional<Integer> made = findMade(known.get());
            if (made.isPresent()) {
                payments.paid(invoice.id(), made.get());
                comment(invoice, made.get());
                return SyncResult.synced(String.valueOf(made.get()), null);
            }
        }
        String code = order.paymentMethod().orElse("");
        Integer methodId = settings.paymentMethods().get(code);
        if (methodId == null) {
            throw new PermanentSyncException("PAYMENT_METHOD_NOT_MAPPED", "Invoice " + invoice.incrementId()
                    + " was paid with Magento payment method '" + code + "', which maps to no Retail Express payment"
                    + " method: set skylink.orders.payment-methods." + code + " to an id from GetPaymentMethods");
        }
        NewPayment payment = NewPayment.normal(reOrderId, methodId, invoice.grandTotal(),
                LocalDateTime.parse(invoice.createdAt(), MAGENTO_TIME).toInstant(ZoneOffset.UTC));
        payments.paying(new PaymentLedger.Entry(invoice.id(), invoice.orderId(), reOrderId,
                PaymentLedger.State.PAYING, methodId, payment.amount(), payment.madeAt(), null));
        int paymentId;
        try {
            paymentId = retailExpress.addPayment(payment);
        } catch (RetailExpressException.Uncertain unknown) {
            payments.parked(invoice.id());
            throw new UncertainSyncException(unknownOutcome(invoice, reOrderId), unknown);
        } catch (RuntimeException notSent) {
            payments.notSent(invoice.id());
            throw notSent;
        }
        payments.paid(invoice.id(), paymentId);
        comment(invoice, paymentId);
        return SyncResult.synced(String.valueOf(paymentId), null);
    }

    private boolean stillInRetailExpress(PaymentLedger.Entry paid) {
        return retailExpress.getOrder(paid.reOrderId()).map(order -> order.payments().stream()
                .anyMatch(p -> paid.rePaymentId() != null && p.id() == paid.rePaymentId())).orElse(false);
    }

    /** The RE payment an earlier, interrupted run made for this invoice, if RE shows one. */
    private Optional<Integer> findMade(PaymentLedger.Entry intent) {
        Order order = retailExpress.getOrder(intent.reOrderId()).orElseThrow(() -> new PermanentSyncException(
                "NOT_FOUND_IN_RETAIL_EXPRESS", "RE order " + intent.reOrderId() + " is not in Retail Express"));
        List<Integer> accounted = payments.recordedPayments(intent.reOrderId());
        return order.payments().stream()
                .filter(p -> !accounted.contains(p.id()))
                .filter(p -> p.methodId() == intent.methodId() && p.total().compareTo(intent.amount()) == 0
                        && (p.madeAt() == null || p.madeAt().getEpochSecond() == intent.madeAt().getEpochSecond()))
                .map(Payment::id).findFirst();
    }

    private void comment(MagentoInvoice invoice, int paymentId) {
        magento.addOrderComment(invoice.orderId(), "SkyLink Payment ID: #" + paymentId + " (invoice #"
                + invoice.incrementId() + ")", false);
    }

    private static String unknownOutcome(MagentoInvoice invoice, String reOrderId) {
        return "RE payment for Magento invoice " + invoice.incrementId() + " (id " + invoice.id() + ") on RE order "
                + reOrderId + " was sent but its outcome is unknown: check the order's payments in RE, then set the"
                + " payment_link row to PAID with its payment id, or delete the row to have it paid";
    }
}
