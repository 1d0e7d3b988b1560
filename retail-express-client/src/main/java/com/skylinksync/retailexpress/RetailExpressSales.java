package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.orders.CreatedOrder;
import com.skylinksync.retailexpress.orders.NewOrder;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.outlets.Outlet;
import com.skylinksync.retailexpress.payments.NewPayment;
import com.skylinksync.retailexpress.payments.PaymentMethod;
import com.skylinksync.retailexpress.payments.Voucher;
import com.skylinksync.retailexpress.soap.EcommerceServiceSoap;
import com.skylinksync.retailexpress.soap.GetOrderResponse.GetOrderResult;
import com.skylinksync.retailexpress.soap.GetOutletsByChannelResponse.GetOutletsByChannelResult;
import com.skylinksync.retailexpress.soap.GetPaymentMethodsResponse.GetPaymentMethodsResult;
import com.skylinksync.retailexpress.soap.GetVoucherBalanceResponse.GetVoucherBalanceResult;
import com.skylinksync.retailexpress.soap.OrderAddPaymentResponse.OrderAddPaymentResult;
import com.skylinksync.retailexpress.soap.OrderCreateByChannelResponse.OrderCreateByChannelResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Retail Express sales: orders, their payments, payment methods, vouchers and the channel's outlets, over one
 * {@link RetailExpressTransport}. Thread-safe. Every failure is a {@link RetailExpressException} whose subtype tells
 * the caller what to do; the writes ({@code OrderCreateByChannel}, {@code OrderAddPayment}) fail
 * {@link RetailExpressException.Uncertain} once sent without a usable answer, and are never retried blindly.
 *
 * <p>Outlets are here, not in {@link RetailExpressCatalogue}: stock is channel-level and per-outlet quantities come
 * with each product, so the outlet list serves Click &amp; Collect only — which outlets an order may be collected
 * from, and the outlet it is fulfilled from.
 */
public final class RetailExpressSales {

    private final RetailExpressTransport transport;
    private final FaultTranslator faults = new FaultTranslator();
    private final ReferenceReader reference;
    private final OrderReader orders;
    private final OrderXmlWriter orderXml;

    public RetailExpressSales(RetailExpressTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        Countries countries = new Countries();
        this.reference = new ReferenceReader(countries);
        this.orders = new OrderReader(countries);
        this.orderXml = new OrderXmlWriter(countries);
    }

    /**
     * {@code OrderCreateByChannel}. A write: once sent, a lost answer is {@link RetailExpressException.Uncertain},
     * never retried blindly. Returns the new order id and its customer id (the new customer's, with a password).
     */
    public CreatedOrder createOrder(int channelId, NewOrder order) {
        String operation = "OrderCreateByChannel";
        String xml = orderXml.order(order);
        Element result = transport.call(operation, true, port -> port.orderCreateByChannel(channelId, xml),
                OrderCreateByChannelResult::getAny);
        String orderId = ResultElements.all(result, "Order").stream()
                .map(o -> ResultElements.childText(o, "OrderId").strip()).filter(id -> !id.isEmpty())
                .findFirst().orElse(null);
        if (orderId == null) {
            throw faults.afterSending(operation, true, "RE answered without an OrderId", null);
        }
        String customerId = ResultElements.all(result, "Customer").stream()
                .map(c -> ResultElements.childText(c, "CustomerId").strip()).filter(id -> !id.isEmpty())
                .findFirst().orElse(order.isForNewCustomer() ? "" : String.valueOf(order.customerId()));
        if (customerId.isEmpty()) {
            throw faults.afterSending(operation, true,
                    "RE created order " + orderId + " for a new customer but sent no CustomerId", null);
        }
        try {
            return new CreatedOrder(orderId, Integer.parseInt(customerId));
        } catch (NumberFormatException e) {
            throw faults.afterSending(operation, true, "RE sent a CustomerId that is not a number: " + customerId, e);
        }
    }

    /** {@code GetOrder}; empty when RE has no such order. */
    public Optional<Order> getOrder(String orderId) {
        return transport.read("GetOrder", port -> port.getOrder(orderId), GetOrderResult::getAny, orders::read);
    }

    /**
     * {@code OrderAddPayment}. A write: once sent, a lost answer is {@link RetailExpressException.Uncertain}, never
     * retried blindly. RE does not return the new payment's id: read it from the order's payments ({@link #getOrder}).
     * That read is separate on purpose: it is idempotent, so its failure after the payment was taken is retried by the
     * caller, not mistaken for a payment of unknown outcome.
     */
    public void addPayment(NewPayment payment) {
        transport.call("OrderAddPayment", true, port -> port.orderAddPayment(orderXml.payment(payment)),
                OrderAddPaymentResult::getAny);
    }

    /** {@code GetPaymentMethods}. */
    public List<PaymentMethod> getPaymentMethods() {
        return transport.read("GetPaymentMethods", EcommerceServiceSoap::getPaymentMethods,
                GetPaymentMethodsResult::getAny, reference::paymentMethods);
    }

    /** {@code GetVoucherBalance}; empty for an unknown or spent voucher (RE answers both with 0 or nothing). */
    public Optional<Voucher> getVoucher(String voucherCode) {
        return transport.read("GetVoucherBalance", port -> port.getVoucherBalance(voucherCode),
                GetVoucherBalanceResult::getAny, result -> reference.voucher(voucherCode, result));
    }

    /** {@code GetOutletsByChannel}: every outlet of the channel, in one call. */
    public List<Outlet> getOutletsByChannel(int channelId) {
        return transport.read("GetOutletsByChannel", port -> port.getOutletsByChannel(channelId),
                GetOutletsByChannelResult::getAny, reference::outlets);
    }
}
