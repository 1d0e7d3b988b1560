package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Magento's sales: orders, their comments, invoices and shipments (M/Sales/etc/webapi.xml), as typed calls over the
 * {@link MagentoTransport}. {@code orderId} is always the order's {@code entity_id}, never its increment id.
 *
 * <p>{@link #invoiceOrder} and {@link #shipOrder} are not idempotent: Magento creates a second invoice or shipment
 * when asked twice (for a shipment, while quantity is left to ship). A caller that does not know whether an earlier
 * call went through reads {@link #searchInvoices} / {@link #searchShipments} for the order first.
 */
public final class MagentoSales {

    private final MagentoTransport transport;

    public MagentoSales(MagentoTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** {@code GET /V1/orders/{id}}; empty when Magento has no such order. */
    public Optional<MagentoOrder> getOrder(long orderId) {
        return transport.find("/V1/orders/" + orderId, MagentoOrder.class);
    }

    /** {@code GET /V1/orders} with any criteria, e.g. {@code updated_at gteq} sorted by {@code (updated_at, entity_id)}. */
    public SearchResult<MagentoOrder> searchOrders(SearchCriteria criteria) {
        return transport.search("/V1/orders", criteria, MagentoOrder.class);
    }

    /**
     * {@code POST /V1/orders/{id}/comments} (OrderManagementInterface::addComment): a comment in the order's history,
     * not notified to the customer. {@code visibleOnFront} shows it in the customer's account.
     */
    public void addOrderComment(long orderId, String comment, boolean visibleOnFront) {
        Boolean added = transport.post("/V1/orders/" + orderId + "/comments",
                new CommentEnvelope(new StatusHistory(orderId, comment, 0, visibleOnFront ? 1 : 0)), Boolean.class);
        if (!Boolean.TRUE.equals(added)) {
            throw new MagentoException.Unavailable(200, "Magento did not add the comment to order " + orderId, null);
        }
    }

    /** {@code GET /V1/invoices} with any criteria. */
    public SearchResult<MagentoInvoice> searchInvoices(SearchCriteria criteria) {
        return transport.search("/V1/invoices", criteria, MagentoInvoice.class);
    }

    /** Every invoice of one order. */
    public List<MagentoInvoice> invoicesOf(long orderId) {
        return searchInvoices(SearchCriteria.builder().where(Filter.eq("order_id", Long.toString(orderId))).build()).items();
    }

    /**
     * {@code POST /V1/order/{orderId}/invoice} (InvoiceOrderInterface) for everything left to invoice, with a comment
     * appended; returns the new invoice's id. Refused (400) when the order cannot be invoiced (already invoiced...).
     */
    public long invoiceOrder(long orderId, boolean capture, String comment) {
        return transport.post("/V1/order/" + orderId + "/invoice",
                new DocumentRequest(capture, List.of(), false, comment != null, comment == null ? null
                        : new DocumentComment(comment, 0), null), Long.class);
    }

    /**
     * {@code POST /V1/order/{orderId}/ship} (ShipOrderInterface) for these lines, with a comment and tracks; returns
     * the new shipment's id. Refused (400) naming the SKU when a line asks more than is left to ship.
     */
    public long shipOrder(long orderId, List<ShipItem> items, String comment, List<MagentoShipment.Track> tracks) {
        return transport.post("/V1/order/" + orderId + "/ship",
                new DocumentRequest(null, items, false, comment != null,
                        comment == null ? null : new DocumentComment(comment, 0), tracks), Long.class);
    }

    /** {@code GET /V1/shipments} with any criteria. */
    public SearchResult<MagentoShipment> searchShipments(SearchCriteria criteria) {
        return transport.search("/V1/shipments", criteria, MagentoShipment.class);
    }

    /** Every shipment of one order. */
    public List<MagentoShipment> shipmentsOf(long orderId) {
        return searchShipments(SearchCriteria.builder().where(Filter.eq("order_id", Long.toString(orderId))).build()).items();
    }

    /** One line of a shipment to create: the order item and the quantity. */
    public record ShipItem(@JsonProperty("order_item_id") long orderItemId, BigDecimal qty) {
    }

    record CommentEnvelope(StatusHistory statusHistory) {
    }

    record StatusHistory(@JsonProperty("parent_id") long parentId, String comment,
                         @JsonProperty("is_customer_notified") int customerNotified,
                         @JsonProperty("is_visible_on_front") int visibleOnFront) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentRequest(Boolean capture, List<ShipItem> items, @JsonProperty("notify") boolean notifyCustomer, boolean appendComment,
                           DocumentComment comment, List<MagentoShipment.Track> tracks) {
    }

    record DocumentComment(String comment, @JsonProperty("is_visible_on_front") int visibleOnFront) {
    }
}
