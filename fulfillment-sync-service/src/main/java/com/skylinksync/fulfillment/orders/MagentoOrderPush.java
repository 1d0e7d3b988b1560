package com.skylinksync.fulfillment.orders;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.orders.CreatedOrder;
import com.skylinksync.schemas.avro.EntityType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Magento order → one RE order ({@code OrderCreateByChannel} on the configured sales channel), the RE order id
 * written back to Magento as the order comment {@value #LINK_PREFIX}{@code <id>} (readable in the admin and over the
 * API, so a lost database is rebuilt from Magento). Exactly once: the intent is recorded before the create; a create
 * whose outcome is unknown (sent, no answer; or a pod killed between the intent and the answer) is parked, never
 * resent. Later changes of a created order need nothing in RE (the original only ever created), so a waiting change
 * is superseded by the order's next one.
 */
@Component
public class MagentoOrderPush implements EntitySyncer {

    /** The comment that links a Magento order to its RE order. */
    static final String LINK_PREFIX = "SkyLink Order ID: #";
    private static final Logger log = LoggerFactory.getLogger(MagentoOrderPush.class);

    private final Snapshots snapshots;
    private final OrderLedger ledger;
    private final OrderMapping mapping;
    private final MagentoSales magento;
    private final MagentoCustomers customers;
    private final RetailExpressSales retailExpress;
    private final OrderSettings settings;

    MagentoOrderPush(Snapshots snapshots, OrderLedger ledger, OrderMapping mapping, MagentoSales magento,
                     MagentoCustomers customers, RetailExpressSales retailExpress, OrderSettings settings) {
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.mapping = mapping;
        this.magento = magento;
        this.customers = customers;
        this.retailExpress = retailExpress;
        this.settings = settings;
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_ORDER;
    }

    /** An order's waiting change is covered by its next one; an invoice behind it never is. */
    @Override
    public Ordering ordering() {
        return Ordering.inOrder((earlier, later) -> earlier.getEntityType() == EntityType.MAGENTO_ORDER
                && later.getEntityType() == EntityType.MAGENTO_ORDER);
    }

    @Override
    public SyncResult sync(SyncTask task) {
        return push(snapshots.order(task.latest().getSnapshot()));
    }

    /**
     * The order in RE, created now unless it already is; the result's target id is the RE order id. Public for the
     * payment push: an invoice found before its order (the two are polled apart) pushes its order first, as the
     * original did, instead of waiting in the lane its order's change is queued behind.
     */
    public SyncResult push(MagentoOrder order) {
        Optional<OrderLedger.Link> link = ledger.byMagentoOrder(order.id());
        if (link.isPresent()) {
            return known(order, link.get());
        }
        Optional<String> linkedInMagento = order.commentValue(LINK_PREFIX);
        if (linkedInMagento.isPresent()) {
            ledger.rebuilt(order.id(), settings.salesChannelId(), order.paymentMethod().orElse(null), linkedInMagento.get(),
                    mapping.lines(order));
            return SyncResult.unchanged(linkedInMagento.get(), null);
        }
        OrderMapping.Mapped mapped = mapping.map(order, customerOf(order));
        ledger.creating(order.id(), settings.salesChannelId(), order.paymentMethod().orElse(null), mapped.lines());
        CreatedOrder created;
        try {
            created = retailExpress.createOrder(settings.salesChannelId(), mapped.order());
        } catch (RetailExpressException.Uncertain unknown) {
            ledger.parked(order.id(), unknown.getMessage());
            throw new UncertainSyncException("RE order create for Magento order " + order.incrementId() + " (id "
                    + order.id() + ") was sent but its outcome is unknown: check RE for it, then either add the comment '"
                    + LINK_PREFIX + "<RE order id>' to the Magento order or delete its order_link row to have it created",
                    unknown);
        } catch (RuntimeException notSent) {
            ledger.notSent(order.id());
            throw notSent;
        }
        ledger.created(order.id(), created.orderId());
        log.info("Magento order {} (id {}) is RE order {}", order.incrementId(), order.id(), created.orderId());
        writeBack(order.id(), created.orderId());
        return SyncResult.synced(created.orderId(), null);
    }

    private SyncResult known(MagentoOrder order, OrderLedger.Link link) {
        return switch (link.state()) {
            case LINKED -> SyncResult.unchanged(link.reOrderId(), null);
            case CREATED -> {
                // The pod stopped between RE's answer and the write-back, or between the write-back and its record.
                boolean written = magento.getOrder(order.id()).flatMap(o -> o.commentValue(LINK_PREFIX)).isPresent();
                if (written) {
                    ledger.linked(order.id(), link.reOrderId());
                } else {
                    writeBack(order.id(), link.reOrderId());
                }
                yield SyncResult.synced(link.reOrderId(), null);
            }
            case CREATING, PARKED -> {
                if (order.commentValue(LINK_PREFIX).isPresent()) {
                    String reOrderId = order.commentValue(LINK_PREFIX).get();
                    ledger.linked(order.id(), reOrderId); // an operator linked it in Magento
                    yield SyncResult.unchanged(reOrderId, null);
                }
                // RE cannot be searched for the order: whether the create went through is not knowable here.
                ledger.parked(order.id(), "create sent before a restart, outcome unknown");
                throw new UncertainSyncException("RE order create for Magento order " + order.incrementId() + " (id "
                        + order.id() + ") was started but its outcome is unknown: check RE for it, then either add the"
                        + " comment '" + LINK_PREFIX + "<RE order id>' to the Magento order or delete its order_link row"
                        + " to have it created", null);
            }
        };
    }

    private void writeBack(long magentoOrderId, String reOrderId) {
        magento.addOrderComment(magentoOrderId, LINK_PREFIX + reOrderId, false);
        ledger.linked(magentoOrderId, reOrderId);
    }

    /**
     * The RE customer of the order: the configured guest customer, or the registered customer's
     * {@code skylink_customer_id}. A registered customer not yet in RE is pushed there by customer-sync-service
     * (which writes the id back); until then the order waits, retried with backoff, behind nothing else.
     */
    private int customerOf(MagentoOrder order) {
        if (order.isGuest()) {
            if (settings.guestCustomerId() == null) {
                throw new PermanentSyncException("NO_GUEST_CUSTOMER_CONFIGURED", "Guest order " + order.incrementId()
                        + " cannot be placed in Retail Express: set skylink.orders.guest-customer-id to the RE customer"
                        + " guest orders go on");
            }
            return settings.guestCustomerId();
        }
        var customer = customers.getCustomer(order.customerId()).orElseThrow(() -> new PermanentSyncException(
                "CUSTOMER_NOT_FOUND", "Order " + order.incrementId() + " names Magento customer " + order.customerId()
                + ", which Magento does not have"));
        String reId = customer.customAttribute("skylink_customer_id");
        if (reId == null || !reId.strip().matches("\\d+")) {
            throw new CustomerNotInRetailExpressYet("Order " + order.incrementId() + " waits for Magento customer "
                    + order.customerId() + " to reach Retail Express (customer-sync-service pushes it and sets its"
                    + " skylink_customer_id)");
        }
        return Integer.parseInt(reId.strip());
    }

    /** Transient: the customer push catches up. */
    static final class CustomerNotInRetailExpressYet extends RuntimeException {
        CustomerNotInRetailExpressYet(String message) {
            super(message);
        }
    }
}
