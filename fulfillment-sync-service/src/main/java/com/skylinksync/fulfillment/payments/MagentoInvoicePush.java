package com.skylinksync.fulfillment.payments;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.fulfillment.OrderFence;
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
 *
 * <p>Only {@code OrderAddPayment} itself can leave a payment of unknown outcome (sent, no usable answer): that parks
 * the invoice. RE does not return the new payment's id, so once RE has taken the payment it is recorded
 * {@code SENT} and the id is read from the order's payments the same way; that read is idempotent, so its failure
 * (throttled, no budget permit, RE unavailable) is transient and retried, never parked. A {@code SENT} payment the
 * order does not show is a real question (RE said it took it) and is parked, never sent again.
 *
 * <p>Each payment is recorded in Magento too, as the order comment {@value #PAYMENT_PREFIX}{@code <id> (invoice
 * #<increment id>)}: an invoice with no ledger row whose order carries that comment was paid before this database
 * was lost, and is linked, not paid again. Where the order's link was itself rebuilt (this database lost its history),
 * RE's payments are read as well before paying, for a payment whose comment never reached Magento. Each execution
 * holds the order's {@link OrderFence}.
 */
@Component
class MagentoInvoicePush implements EntitySyncer {

    /** The order comment recording an invoice's RE payment. */
    static final String PAYMENT_PREFIX = "SkyLink Payment ID: #";
    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Snapshots snapshots;
    private final OrderLedger orders;
    private final PaymentLedger payments;
    private final MagentoSales magento;
    private final RetailExpressSales retailExpress;
    private final OrderSettings settings;
    private final MagentoOrderPush orderPush;
    private final OrderFence fence;

    MagentoInvoicePush(Snapshots snapshots, OrderLedger orders, PaymentLedger payments, MagentoSales magento,
                       RetailExpressSales retailExpress, OrderSettings settings, MagentoOrderPush orderPush,
                       OrderFence fence) {
        this.fence = fence;
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
        boolean driftHeal = task.latest().getOrigin() == Origin.DRIFT;
        return fence.holding(invoice.orderId(), () -> pay(invoice, driftHeal));
    }

    private SyncResult pay(MagentoInvoice invoice, boolean driftHeal) {
        Optional<PaymentLedger.Entry> known = payments.find(invoice.id());
        boolean lostInRetailExpress = false;
        if (known.isPresent() && known.get().state() == PaymentLedger.State.PAID) {
            // A drift heal says RE lost the payment: only then is RE asked, and a payment it no longer has is made again.
            if (!driftHeal || stillInRetailExpress(known.get())) {
                return SyncResult.unchanged(String.valueOf(known.get().rePaymentId()), null);
            }
            known = Optional.empty();
            lostInRetailExpress = true; // the invoice's payment comment names the payment RE lost: not proof of payment
        }
        if (known.isPresent() && known.get().state() == PaymentLedger.State.PARKED) {
            throw new UncertainSyncException(unknownOutcome(invoice, known.get().reOrderId()), null);
        }
        if (known.isPresent() && known.get().state() == PaymentLedger.State.SENT) {
            return readBack(invoice, known.get()); // taken by RE on an earlier attempt; only its id is missing
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
        if (known.isEmpty() && !lostInRetailExpress) {
            Optional<Integer> recorded = recordedInMagento(order, invoice);
            if (recorded.isPresent()) { // paid before this database lost its row
                payments.rebuilt(invoice.id(), invoice.orderId(), reOrderId, recorded.get());
                return SyncResult.unchanged(String.valueOf(recorded.get()), null);
            }
        }
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
        PaymentLedger.Entry intent = new PaymentLedger.Entry(invoice.id(), invoice.orderId(), reOrderId,
                PaymentLedger.State.PAYING, methodId, payment.amount(), payment.madeAt(), null);
        if (known.isEmpty() && orders.byMagentoOrder(order.id()).map(OrderLedger.Link::rebuilt).orElse(false)) {
            // This database lost the order's history: RE may hold the payment though Magento has no comment of it.
            Optional<Integer> made = findMade(intent);
            if (made.isPresent()) {
                payments.rebuilt(invoice.id(), invoice.orderId(), reOrderId, made.get());
                comment(invoice, made.get());
                return SyncResult.unchanged(String.valueOf(made.get()), null);
            }
        }
        payments.paying(intent);
        try {
            retailExpress.addPayment(payment);
        } catch (RetailExpressException.Uncertain unknown) {
            payments.parked(invoice.id());
            throw new UncertainSyncException(unknownOutcome(invoice, reOrderId), unknown);
        } catch (RuntimeException notSent) {
            payments.notSent(invoice.id());
            throw notSent;
        }
        payments.sent(invoice.id());
        return readBack(invoice, intent);
    }

    /**
     * The id of a payment RE took: read from the order's payments. A failure of the read propagates as it is
     * (transient: the row stays {@code SENT} and the retry reads again); a payment the order does not show parks.
     */
    private SyncResult readBack(MagentoInvoice invoice, PaymentLedger.Entry sent) {
        Optional<Integer> made = retailExpress.getOrder(sent.reOrderId()).flatMap(order -> matching(order, sent));
        if (made.isEmpty()) {
            payments.parked(invoice.id());
            throw new UncertainSyncException("RE took the payment for Magento invoice " + invoice.incrementId() + " (id "
                    + invoice.id() + ") on RE order " + sent.reOrderId() + " but the order shows no payment matching it"
                    + " (method " + sent.methodId() + ", " + sent.amount().toPlainString() + "): check the order's"
                    + " payments in RE, then set the payment_link row to PAID with its payment id, or delete the row to"
                    + " have it paid", null);
        }
        payments.paid(invoice.id(), made.get());
        comment(invoice, made.get());
        return SyncResult.synced(String.valueOf(made.get()), null);
    }

    private boolean stillInRetailExpress(PaymentLedger.Entry paid) {
        return retailExpress.getOrder(paid.reOrderId()).map(order -> order.payments().stream()
                .anyMatch(p -> paid.rePaymentId() != null && p.id() == paid.rePaymentId())).orElse(false);
    }

    /** The RE payment an earlier, interrupted run made for this invoice, if RE shows one. */
    private Optional<Integer> findMade(PaymentLedger.Entry intent) {
        Order order = retailExpress.getOrder(intent.reOrderId()).orElseThrow(() -> new PermanentSyncException(
                "NOT_FOUND_IN_RETAIL_EXPRESS", "RE order " + intent.reOrderId() + " is not in Retail Express"));
        return matching(order, intent);
    }

    /** The first of the order's payments that is this intent's (method, amount, date) and no other invoice's. */
    private Optional<Integer> matching(Order order, PaymentLedger.Entry intent) {
        List<Integer> accounted = payments.recordedPayments(intent.reOrderId());
        return order.payments().stream()
                .filter(p -> !accounted.contains(p.id()))
                .filter(p -> p.methodId() == intent.methodId() && p.total().compareTo(intent.amount()) == 0
                        && (p.madeAt() == null || p.madeAt().getEpochSecond() == intent.madeAt().getEpochSecond()))
                .map(Payment::id).findFirst();
    }

    private void comment(MagentoInvoice invoice, int paymentId) {
        magento.addOrderComment(invoice.orderId(), PAYMENT_PREFIX + paymentId + suffix(invoice), false);
    }

    /** The RE payment id the order's comments record for this invoice. */
    private static Optional<Integer> recordedInMagento(MagentoOrder order, MagentoInvoice invoice) {
        String suffix = suffix(invoice);
        return order.statusHistories().stream().map(c -> c.comment())
                .filter(c -> c != null && c.startsWith(PAYMENT_PREFIX) && c.endsWith(suffix))
                .map(c -> c.substring(PAYMENT_PREFIX.length(), c.length() - suffix.length()).strip())
                .filter(id -> id.matches("\\d+")).map(Integer::valueOf).findFirst();
    }

    private static String suffix(MagentoInvoice invoice) {
        return " (invoice #" + invoice.incrementId() + ")";
    }

    private static String unknownOutcome(MagentoInvoice invoice, String reOrderId) {
        return "RE payment for Magento invoice " + invoice.incrementId() + " (id " + invoice.id() + ") on RE order "
                + reOrderId + " was sent but its outcome is unknown: check the order's payments in RE, then set the"
                + " payment_link row to PAID with its payment id, or delete the row to have it paid";
    }
}
