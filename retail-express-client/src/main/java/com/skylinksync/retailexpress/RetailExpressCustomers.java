package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.soap.ArrayOfInt;
import com.skylinksync.retailexpress.soap.CustomerCreateUpdateResponse.CustomerCreateUpdateResult;
import com.skylinksync.retailexpress.soap.GetCustomerIdsResponse.GetCustomerIdsResult;
import com.skylinksync.retailexpress.soap.GetCustomersResponse.GetCustomersResult;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Retail Express customers: {@code GetCustomers}, {@code GetCustomerIds} and {@code CustomerCreateUpdate}, over one
 * {@link RetailExpressTransport}. Thread-safe. Every failure is a {@link RetailExpressException} whose subtype tells
 * the caller what to do (retry, back off, give up, ask an operator).
 */
public final class RetailExpressCustomers {

    private final RetailExpressTransport transport;
    private final FaultTranslator faults = new FaultTranslator();
    private final CustomerReader customers;
    private final CustomerXmlWriter customerXml;

    public RetailExpressCustomers(RetailExpressTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        Countries countries = new Countries();
        this.customers = new CustomerReader(countries);
        this.customerXml = new CustomerXmlWriter(countries);
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
        return transport.read("GetCustomers", port -> port.getCustomers(ids), GetCustomersResult::getAny,
                customers::readAll);
    }

    /** {@code GetCustomerIds}. */
    public List<Integer> getCustomerIds(boolean onlyCustomersForExport, boolean onlyCustomersWithEmails) {
        return transport.read("GetCustomerIds",
                port -> port.getCustomerIds(onlyCustomersForExport, onlyCustomersWithEmails),
                GetCustomerIdsResult::getAny, result -> ResultElements.ids(result, "Customer", "CustomerId"));
    }

    /** {@code CustomerCreateUpdate}; returns the RE customer id (the new one for a registration). */
    public int createOrUpdateCustomer(CustomerUpdate customer) {
        String operation = "CustomerCreateUpdate";
        String xml = customerXml.write(customer);
        Element result = transport.call(operation, true, port -> port.customerCreateUpdate(xml),
                CustomerCreateUpdateResult::getAny);
        Element record = ResultElements.all(result, "Customer").stream().findFirst().orElse(null);
        if (record == null) {
            throw faults.afterSending(operation, true, "RE answered without a <Customer> result", null);
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
            throw faults.afterSending(operation, true, "RE created a customer but sent no CustomerId", null);
        }
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw faults.afterSending(operation, true, "RE sent a CustomerId that is not a number: " + id, e);
        }
    }
}
