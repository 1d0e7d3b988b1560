package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.soap.ArrayOfInt;
import com.skylinksync.retailexpress.soap.ChangeSetProcessedResponse.ChangeSetProcessedResult;
import com.skylinksync.retailexpress.soap.CustomerCreateUpdateResponse.CustomerCreateUpdateResult;
import com.skylinksync.retailexpress.soap.GetCustomerIdsResponse.GetCustomerIdsResult;
import com.skylinksync.retailexpress.soap.GetCustomersResponse.GetCustomersResult;
import com.skylinksync.retailexpress.soap.GetProductIdsByChannelResponse.GetProductIdsByChannelResult;
import com.skylinksync.retailexpress.soap.EcommerceServiceSoap;
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
            throw throttleAware(operation, failures.fault(operation, write, e));
        } catch (WebServiceException e) {
            throw throttleAware(operation, failures.transport(operation, write, e));
        }
        failures.checkResult(operation, result);
        return result;
    }

    private RetailExpressException throttleAware(String operation, RetailExpressException failure) {
        if (failure instanceof RetailExpressException.Throttled) {
            permits.throttled(operation);
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

    private static Element anyOf(ChangeSetProcessedResult r) {
        return r == null ? null : r.getAny();
    }
}
