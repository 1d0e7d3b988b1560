package com.skylinksync.retailexpress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Typed Retail Express V2 client over JAX-WS. Thread-safe. Every failure is a {@link RetailExpressException}
 * whose subtype tells the caller what to do (retry, back off, give up, ask an operator).
 */
public final class RetailExpressClient {

    public RetailExpressClient(RetailExpressSettings settings) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GetCustomers} for one id; empty when RE has no such customer. */
    public Optional<Customer> getCustomer(int customerId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GetCustomers} for many ids in one call; customers RE does not know are simply absent. */
    public List<Customer> getCustomers(Collection<Integer> customerIds) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GetCustomerIds}. */
    public List<Integer> getCustomerIds(boolean onlyCustomersForExport, boolean onlyCustomersWithEmails) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code CustomerCreateUpdate}; returns the RE customer id (the new one for a registration). */
    public int createOrUpdateCustomer(CustomerUpdate customer) {
        throw new UnsupportedOperationException("TODO");
    }

    /** EDS acknowledgement {@code ChangeSetProcessed(ChangesetId)}. */
    public void changeSetProcessed(String changeSetId) {
        throw new UnsupportedOperationException("TODO");
    }
}
