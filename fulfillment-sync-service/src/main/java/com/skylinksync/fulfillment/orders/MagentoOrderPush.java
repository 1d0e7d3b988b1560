package com.skylinksync.fulfillment.orders;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.Ordering;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.customerlink.CustomerLink;
import com.skylinksync.customerlink.CustomerPusher;
import com.skylinksync.fulfillment.OrderFence;
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
import java.util.regex.Pattern;
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
 *
 * <p>A lost database is rebuilt, never re-created: before any create the order is read again from Magento (a change
 * event's snapshot may predate the write-back) and an order carrying the link comment is linked, not sent. The RE
 * order's private comments name the Magento order ({@value #PRIVATE_PREFIX}{@code <increment id> (id <entity_id>)}),
 * so an RE order event finds its Magento order without the ledger too ({@link #relink}). Each execution holds the
 * order's {@link OrderFence}.
 */
@Component
public class MagentoOrderPush implements EntitySyncer {

    /** The comment that links a Magento order to its RE order. */
    public static final String LINK_PREFIX = "SkyLink Order ID: #";
    /** How the RE order's private comments name the Magento order it came from. */
    public static final String PRIVATE_PREFIX = "Magento order #";
    private static final Pattern NAMED_ORDER = Pattern.compile(Pattern.quote(PRIVATE_PREFIX) + "\\S+ \\(id (\\d+)\\)");
    private static final Logger log = LoggerFactory.getLogger(MagentoOrderPush.class);

    private final Snapshots snapshots;
    private final OrderLedger ledger;
    private final OrderMapping mapping;
    private final MagentoSales magento;
    private final MagentoCustomers customers;
    private final RetailExpressSales retailExpress;
    private final OrderSettings settings;
    private final CustomerPusher customerPush;
    private final OrderFence fence;

    MagentoOrderPush(Snapshots snapshots, OrderLedger ledger, OrderMapping mapping, MagentoSales magento,
                     MagentoCustomers customers, RetailExpressSales retailExpress, OrderSettings settings,
                     CustomerPusher customerPush, OrderFence fence) {
        this.customerPush = customerPush;
        this.fence = fence;
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
        MagentoOrder order = snapshots.order(task.latest().getSnapshot());
        return fence.holding(order.id(), () -> push(order));
    }

    /**
     * The order in RE, created now unless it already is; the result's target id is the RE order id. Public for the
     * payment push: an invoice found before its order (the two are polled apart) pushes its order first, as the
     * original did, instead of waiting in the lane its order's change is queued behind. The caller holds the order's
     * {@link OrderFence}.
     */
    public SyncResult push(MagentoOrder order) {
        Optional<OrderLedger.Link> link = ledger.byMagentoOrder(order.id());
        if (link.isPresent()) {
            return known(order, link.get());
        }
        // Nothing recorded: read the order as Magento has it now. The event's snapshot may be older than the write-back
        // of an order created before this database was lost (or its events replayed).
        MagentoOrder current = magento.getOrder(order.id()).orElse(order);
        Optional<String> linkedInMagento = current.commentValue(LINK_PREFIX);
        if (linkedInMagento.isPresent()) {
            ledger.rebuilt(order.id(), settings.salesChannelId(), current.paymentMethod().orElse(null),
                    linkedInMagento.get(), mapping.lines(current));
            return SyncResult.unchanged(linkedInMagento.get(), null);
        }
        order = current;
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
     * An RE order whose ledger row was lost, found through its private comment naming Magento order {@code order}:
     * linked again (the comment written back to Magento when it is missing there too). The caller holds the fence.
     */
    public void relink(MagentoOrder order, String reOrderId) {
        ledger.rebuilt(order.id(), settings.salesChannelId(), order.paymentMethod().orElse(null), reOrderId,
                mapping.lines(order));
        if (order.commentValue(LINK_PREFIX).isEmpty()) {
            writeBack(order.id(), reOrderId);
        }
        log.info("Magento order {} (id {}) linked again to RE order {} from RE's private comment", order.incrementId(),
                order.id(), reOrderId);
    }

    /** The Magento order id an RE order's private comments name, if they name one. */
    public static Optional<Long> magentoOrderNamedIn(String privateComments) {
        var named = NAMED_ORDER.matcher(privateComments == null ? "" : privateComments);
        return named.find() ? Optional.of(Long.parseLong(named.group(1))) : Optional.empty();
    }

    /**
     * The RE customer of the order: the configured guest customer, or the registered customer's
     * {@code skylink_customer_id}. A registered customer not yet in RE is pushed there first, as customer-sync-service
     * would push it ({@link CustomerPusher#ensureInRetailExpress}: created once, its id written back to Magento; a
     * create of unknown outcome parks the order, RE refusing the customer dead-letters it).
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
        return CustomerLink.retailExpressId(customer)
                .orElseGet(() -> customerPush.ensureInRetailExpress(order.customerId()));
    }
}
