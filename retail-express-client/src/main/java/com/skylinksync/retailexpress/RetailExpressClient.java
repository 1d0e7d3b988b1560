package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.soap.ArrayOfInt;
import com.skylinksync.retailexpress.soap.ChangeSetProcessedResponse.ChangeSetProcessedResult;
import com.skylinksync.retailexpress.soap.CustomerCreateUpdateResponse.CustomerCreateUpdateResult;
import com.skylinksync.retailexpress.soap.GetCustomerIdsResponse.GetCustomerIdsResult;
import com.skylinksync.retailexpress.soap.GetCustomersResponse.GetCustomersResult;
import com.skylinksync.retailexpress.soap.GetProductIdsByChannelResponse.GetProductIdsByChannelResult;
import com.skylinksync.retailexpress.soap.EcommerceServiceSoap;
import com.skylinksync.retailexpress.soap.GetAllPriceGroupsResponse.GetAllPriceGroupsResult;
import com.skylinksync.retailexpress.soap.GetAllProductAttributesResponse.GetAllProductAttributesResult;
import com.skylinksync.retailexpress.soap.GetProductsByChannelResponse.GetProductsByChannelResult;
import com.skylinksync.retailexpress.soap.GetProductEtaDateByChannelResponse.GetProductEtaDateByChannelResult;
import com.skylinksync.retailexpress.soap.GetOutletsByChannelResponse.GetOutletsByChannelResult;
import com.skylinksync.retailexpress.soap.OrderCreateByChannelResponse.OrderCreateByChannelResult;
import com.skylinksync.retailexpress.soap.GetOrderResponse.GetOrderResult;
import com.skylinksync.retailexpress.soap.OrderAddPaymentResponse.OrderAddPaymentResult;
import com.skylinksync.retailexpress.soap.GetPaymentMethodsResponse.GetPaymentMethodsResult;
import com.skylinksync.retailexpress.soap.GetVoucherBalanceResponse.GetVoucherBalanceResult;
import com.skylinksync.retailexpress.attributes.ProductAttributes;
import com.skylinksync.retailexpress.outlets.Outlet;
import com.skylinksync.retailexpress.orders.CreatedOrder;
import com.skylinksync.retailexpress.orders.NewOrder;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.orders.Payment;
import com.skylinksync.retailexpress.payments.NewPayment;
import com.skylinksync.retailexpress.payments.PaymentMethod;
import com.skylinksync.retailexpress.payments.Voucher;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.ProductEta;
import com.skylinksync.retailexpress.products.ProductMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * Typed Retail Express V2 client over JAX-WS. Thread-safe. Every failure is a {@link RetailExpressException}
 * whose subtype tells the caller what to do (retry, back off, give up, ask an operator).
 */
public final class RetailExpressClient {

    private final RetailExpressSettings settings;
    private final CallPermits permits;
    private final EcommercePorts ports;
    private final FailureClassifier failures = new FailureClassifier();
    private final CustomerReader customers;
    private final CustomerXmlWriter customerXml;
    private final ProductReader products = new ProductReader();
    private final ReferenceReader reference;
    private final OrderReader orders;
    private final OrderXmlWriter orderXml;
    private final CredentialStatus credentials = new CredentialStatus();

    /** A client whose calls are not budgeted: for tools and tests; services use the shared API budget. */
    public RetailExpressClient(RetailExpressSettings settings) {
        this(settings, CallPermits.UNLIMITED);
    }

    /** A client whose every call first takes a permit from {@code permits} (the shared API budget). */
    public RetailExpressClient(RetailExpressSettings settings, CallPermits permits) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permits = Objects.requireNonNull(permits, "permits");
        this.ports = new EcommercePorts(settings);
        Countries countries = new Countries();
        this.customers = new CustomerReader(countries);
        this.customerXml = new CustomerXmlWriter(countries);
        this.reference = new ReferenceReader(countries);
        this.orders = new OrderReader(countries);
        this.orderXml = new OrderXmlWriter(countries);
    }

    /** Whether RE accepted this client's credentials at the last calls (what health reports). */
    public CredentialStatus credentials() {
        return credentials;
    }

    /** The settings this client calls RE with (the password masked in their {@code toString}). */
    public RetailExpressSettings settings() {
        return settings;
    }

    /** {@code GetCustomers} for one id; empty when RE has no such customer. */
    public Optional<Customer> getCustomer(int customerId) {
        return getCustomers(List.of(customerId)).stream().filter(c -> c.id() == customerId).findFirst();
    }

    /** {@code GetCustomers} for many ids in one call; customers RE does not know are simply absent. */
    public List<Customer> getCustomers(Collection<Integer> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        ArrayOfInt ids = new ArrayOfInt();
        ids.getInt().addAll(new LinkedHashSet<>(customerIds));
        Element result = call("GetCustomers", false, port -> anyOf(port.getCustomers(ids)));
        return map("GetCustomers", () -> customers.readAll(result));
    }

    /** {@code GetCustomerIds}. */
    public List<Integer> getCustomerIds(boolean onlyCustomersForExport, boolean onlyCustomersWithEmails) {
        Element result = call("GetCustomerIds", false,
                port -> anyOf(port.getCustomerIds(onlyCustomersForExport, onlyCustomersWithEmails)));
        return map("GetCustomerIds", () -> ResultElements.all(result, "Customer").stream()
                .map(c -> ResultElements.childText(c, "CustomerId").strip())
                .filter(id -> !id.isEmpty())
                .map(id -> parseId("CustomerId", id))
                .toList());
    }

    /** {@code CustomerCreateUpdate}; returns the RE customer id (the new one for a registration). */
    public int createOrUpdateCustomer(CustomerUpdate customer) {
        String operation = "CustomerCreateUpdate";
        String xml = customerXml.write(customer);
        Element result = call(operation, true, port -> anyOf(port.customerCreateUpdate(xml)));
        Element record = ResultElements.all(result, "Customer").stream().findFirst().orElse(null);
        if (record == null) {
            throw failures.afterSending(operation, true, "RE answered without a <Customer> result", null);
        }
        if ("fail".equals(ResultElements.childText(record, "Result").strip().toLowerCase(Locale.ROOT))) {
            throw new RetailExpressException.Business(operation,
                    "RE failed to " + (customer.isNew() ? "create" : "update") + " customer"
                            + (customer.isNew() ? "" : " " + customer.id()) + " (Result=Fail)", null);
        }
        String id = ResultElements.childText(record, "CustomerId").strip();
        if (id.isEmpty()) {
            if (!customer.isNew()) {
                return customer.id();
            }
            throw failures.afterSending(operation, true, "RE created a customer but sent no CustomerId", null);
        }
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw failures.afterSending(operation, true, "RE sent a CustomerId that is not a number: " + id, e);
        }
    }

    /**
     * {@code GetProductIdsByChannel}: every {@code <Product><ProductId>} at any depth, in RE's order. An unknown or
     * empty channel gives an empty list.
     */
    public List<Integer> getProductIdsByChannel(int channelId) {
        String operation = "GetProductIdsByChannel";
        Element result = call(operation, false, port -> anyOf(port.getProductIdsByChannel(channelId)));
        return map(operation, () -> ResultElements.all(result, "Product").stream()
                .map(p -> ResultElements.childText(p, "ProductId").strip())
                .filter(id -> !id.isEmpty())
                .map(id -> parseId("ProductId", id))
                .toList());
    }

    /** {@code GetAllPriceGroups}: every price group, standard and fixed. */
    public List<PriceGroup> getAllPriceGroups() {
        String operation = "GetAllPriceGroups";
        Element result = call(operation, false, port -> anyOf(port.getAllPriceGroups()));
        return map(operation, () -> reference.priceGroups(result));
    }

    /** {@code GetAllProductAttributes}: the options of all eight attribute codes in one call. */
    public ProductAttributes getAllProductAttributes() {
        String operation = "GetAllProductAttributes";
        Element result = call(operation, false, port -> anyOf(port.getAllProductAttributes()));
        return map(operation, () -> reference.attributes(result));
    }

    /** {@link #getProductsByChannel(Collection, int, ProductMapping)} with the default field choices and matrix policy. */
    public ChannelProducts getProductsByChannel(Collection<Integer> productIds, int channelId) {
        return getProductsByChannel(productIds, channelId, ProductMapping.DEFAULT);
    }

    /**
     * {@code GetProductsByChannel} for many ids in ONE call: RE returns the products on the channel, each matrix child
     * with all its siblings, grouped here into simple products and matrices. Ids RE did not return are absent
     * (unknown, or not on this channel).
     */
    public ChannelProducts getProductsByChannel(Collection<Integer> productIds, int channelId, ProductMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        if (productIds.isEmpty()) {
            return new ChannelProducts(List.of(), List.of(), List.of());
        }
        ArrayOfInt ids = new ArrayOfInt();
        ids.getInt().addAll(new LinkedHashSet<>(productIds));
        String operation = "GetProductsByChannel";
        Element result = call(operation, false, port -> anyOf(port.getProductsByChannel(ids, channelId)));
        return map(operation, () -> products.readAll(result, mapping));
    }

    /**
     * {@code GetProductEtaDateByChannel}: when RE expects each quantity (each &gt; 0) of each product. Products RE gives
     * no date for have an empty {@link ProductEta#expectedAt()}.
     */
    public List<ProductEta> getProductEtas(int channelId, Map<Integer, Integer> qtyByProduct) {
        qtyByProduct.forEach((product, qty) -> {
            if (qty == null || qty <= 0) {
                throw new IllegalArgumentException("An ETA quantity must be > 0, got " + qty + " for " + product);
            }
        });
        if (qtyByProduct.isEmpty()) {
            return List.of();
        }
        String xml = orderXml.etaRequest(new LinkedHashMap<>(qtyByProduct));
        String operation = "GetProductEtaDateByChannel";
        Element result = call(operation, false, port -> anyOf(port.getProductEtaDateByChannel(channelId, xml)));
        return map(operation, () -> reference.etas(result));
    }

    /** {@code GetOutletsByChannel}: every outlet of the channel, in one call. */
    public List<Outlet> getOutletsByChannel(int channelId) {
        String operation = "GetOutletsByChannel";
        Element result = call(operation, false, port -> anyOf(port.getOutletsByChannel(channelId)));
        return map(operation, () -> reference.outlets(result));
    }

    /**
     * {@code OrderCreateByChannel}. A write: once sent, a lost answer is {@link RetailExpressException.Uncertain},
     * never retried blindly. Returns the new order id and its customer id (the new customer's, with a password).
     */
    public CreatedOrder createOrder(int channelId, NewOrder order) {
        String operation = "OrderCreateByChannel";
        String xml = orderXml.order(order);
        Element result = call(operation, true, port -> anyOf(port.orderCreateByChannel(channelId, xml)));
        String orderId = ResultElements.all(result, "Order").stream()
                .map(o -> ResultElements.childText(o, "OrderId").strip()).filter(id -> !id.isEmpty())
                .findFirst().orElse(null);
        if (orderId == null) {
            throw failures.afterSending(operation, true, "RE answered without an OrderId", null);
        }
        String customerId = ResultElements.all(result, "Customer").stream()
                .map(c -> ResultElements.childText(c, "CustomerId").strip()).filter(id -> !id.isEmpty())
                .findFirst().orElse(order.isForNewCustomer() ? "" : String.valueOf(order.customerId()));
        if (customerId.isEmpty()) {
            throw failures.afterSending(operation, true,
                    "RE created order " + orderId + " for a new customer but sent no CustomerId", null);
        }
        try {
            return new CreatedOrder(orderId, Integer.parseInt(customerId));
        } catch (NumberFormatException e) {
            throw failures.afterSending(operation, true, "RE sent a CustomerId that is not a number: " + customerId, e);
        }
    }

    /** {@code GetOrder}; empty when RE has no such order. */
    public Optional<Order> getOrder(String orderId) {
        String operation = "GetOrder";
        Element result = call(operation, false, port -> anyOf(port.getOrder(orderId)));
        return map(operation, () -> orders.read(result));
    }

    /**
     * {@code OrderAddPayment}, then {@code GetOrder} to learn the new payment's id (RE does not return it): the highest
     * {@code OrderPaymentId}. Both calls take a budget permit. The payment exists once the first call succeeded, so a
     * failed re-read is {@link RetailExpressException.Uncertain}: retrying the whole would pay twice.
     */
    public int addPayment(NewPayment payment) {
        String operation = "OrderAddPayment";
        String xml = orderXml.payment(payment);
        call(operation, true, port -> anyOf(port.orderAddPayment(xml)));
        Optional<Payment> latest;
        try {
            latest = getOrder(payment.orderId()).flatMap(Order::latestPayment);
        } catch (RetailExpressException e) {
            throw new RetailExpressException.Uncertain(operation, "payment added to order " + payment.orderId()
                    + " but its id could not be read back (" + e.getMessage() + ")", e);
        }
        return latest.map(Payment::id).orElseThrow(() -> new RetailExpressException.Uncertain(operation,
                "payment added to order " + payment.orderId() + " but the order shows no payment", null));
    }

    /** {@code GetPaymentMethods}. */
    public List<PaymentMethod> getPaymentMethods() {
        String operation = "GetPaymentMethods";
        Element result = call(operation, false, port -> anyOf(port.getPaymentMethods()));
        return map(operation, () -> reference.paymentMethods(result));
    }

    /** {@code GetVoucherBalance}; empty for an unknown or spent voucher (RE answers both with 0 or nothing). */
    public Optional<Voucher> getVoucher(String voucherCode) {
        String operation = "GetVoucherBalance";
        Element result = call(operation, false, port -> anyOf(port.getVoucherBalance(voucherCode)));
        return map(operation, () -> reference.voucher(voucherCode, result));
    }

    /**
     * EDS acknowledgement {@code ChangeSetProcessed(ChangesetId)}. Acknowledging twice is harmless, so its failures are
     * classified like a read's (retry), never as uncertain.
     */
    public void changeSetProcessed(String changeSetId) {
        String operation = "ChangeSetProcessed";
        Element result = call(operation, false, port -> anyOf(port.changeSetProcessed(changeSetId)));
        boolean failed = ResultElements.all(result, "Result").stream()
                .anyMatch(r -> "fail".equals(r.getTextContent().strip().toLowerCase(Locale.ROOT)));
        if (failed) {
            throw new RetailExpressException.Business(operation,
                    "RE did not accept change set " + changeSetId + " (Result=Fail)", null);
        }
    }

    /** One SOAP call with its failures classified and the result document checked for RE's in-band errors. */
    private Element call(String operation, boolean write, Function<EcommerceServiceSoap, Element> invocation) {
        permits.acquire(operation);
        Element result;
        try {
            result = ports.call(write, invocation);
        } catch (SOAPFaultException e) {
            throw observed(operation, failures.fault(operation, write, e));
        } catch (WebServiceException e) {
            throw observed(operation, failures.transport(operation, write, e));
        }
        try {
            failures.checkResult(operation, result);
        } catch (RetailExpressException inBand) {
            throw observed(operation, inBand);
        }
        credentials.accepted();
        return result;
    }

    /** A throttle fault slows the whole budget down; a refused configuration turns health DOWN. */
    private RetailExpressException observed(String operation, RetailExpressException failure) {
        if (failure instanceof RetailExpressException.Throttled) {
            permits.throttled(operation);
        } else if (failure instanceof RetailExpressException.Configuration refused) {
            credentials.refused(refused);
        }
        return failure;
    }

    private static <T> T map(String operation, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (RecordFormatException e) {
            throw new RetailExpressException.Business(operation, e.getMessage(), e);
        }
    }

    private static int parseId(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RecordFormatException(field + " is not an integer: '" + value + "'");
        }
    }

    // The generated result wrappers share no type; each holds the result document as one DOM element (xs:any).
    private static Element anyOf(GetCustomersResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetCustomerIdsResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(CustomerCreateUpdateResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetProductIdsByChannelResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetAllPriceGroupsResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetAllProductAttributesResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetProductsByChannelResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetProductEtaDateByChannelResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetOutletsByChannelResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(OrderCreateByChannelResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetOrderResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(OrderAddPaymentResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetPaymentMethodsResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(GetVoucherBalanceResult r) {
        return r == null ? null : r.getAny();
    }

    private static Element anyOf(ChangeSetProcessedResult r) {
        return r == null ? null : r.getAny();
    }
}
