package com.skylinksync.magento.customers;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Magento's customers and customer groups ({@code /V1/customers}, {@code /V1/customerGroups}), as typed calls over the
 * {@link MagentoTransport}. Every failure is a {@link MagentoException}; "not found" is an empty result, never an
 * exception, and never a misconfigured base URL (that is {@link MagentoException.Misconfigured}).
 *
 * <p>Writes follow Magento's "absent means unchanged": a customer whose {@code addresses} is null keeps its stored
 * addresses, an empty list removes them; a null {@code subscribed} leaves the newsletter subscription alone; custom
 * attributes not given keep their values. A PUT must carry the website: Magento does not fall back to the stored one.
 */
public final class MagentoCustomers {

    private final MagentoTransport transport;

    public MagentoCustomers(MagentoTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** {@code GET /V1/customers/{id}}; empty when Magento has no such customer. */
    public Optional<MagentoCustomer> getCustomer(long id) {
        return transport.find("/V1/customers/" + id, CustomerWire.Customer.class).map(CustomerMapping::fromWire);
    }

    /** {@code GET /V1/customers/search} with {@code email eq} (Magento compares ignoring case). */
    public List<MagentoCustomer> findCustomersByEmail(String email) {
        return searchCustomers(SearchCriteria.builder().where(Filter.eq("email", email)).build()).items();
    }

    /** {@code GET /V1/customers/search} with {@code <attributeCode> eq <value>} on a custom attribute. */
    public List<MagentoCustomer> findCustomersByAttribute(String attributeCode, String value) {
        return searchCustomers(SearchCriteria.builder().where(Filter.eq(attributeCode, value)).build()).items();
    }

    /**
     * {@code GET /V1/customers/search} for customers changed at or after {@code updatedAtFrom} (Magento's
     * {@code yyyy-MM-dd HH:mm:ss}, UTC), one page of {@code pageSize} (pages from 1). A page past the end repeats the
     * last page: read {@link #searchCustomers} for the total when paging through all of them.
     */
    public List<MagentoCustomer> findCustomersUpdatedSince(String updatedAtFrom, int page, int pageSize) {
        return searchCustomers(SearchCriteria.builder().where(Filter.gteq("updated_at", updatedAtFrom))
                .page(page, pageSize).build()).items();
    }

    /** {@code GET /V1/customers/search} with any criteria; sort by {@code updated_at} or {@code entity_id} with {@link Direction}. */
    public SearchResult<MagentoCustomer> searchCustomers(SearchCriteria criteria) {
        SearchResult<CustomerWire.Customer> result = transport.search("/V1/customers/search", criteria, CustomerWire.Customer.class);
        return new SearchResult<>(result.items().stream().map(CustomerMapping::fromWire).toList(), result.totalCount());
    }

    /** {@code POST /V1/customers}; returns the created customer with its id. */
    public MagentoCustomer createCustomer(MagentoCustomer customer) {
        return CustomerMapping.fromWire(transport.post("/V1/customers",
                new CustomerWire.CustomerEnvelope(CustomerMapping.toWire(customer)), CustomerWire.Customer.class));
    }

    /** {@code PUT /V1/customers/{id}}; returns the saved customer. A customer Magento does not have is {@link MagentoException.Rejected} (404). */
    public MagentoCustomer updateCustomer(MagentoCustomer customer) {
        if (customer.id() == null) {
            throw new IllegalArgumentException("updateCustomer needs the customer's Magento id");
        }
        return CustomerMapping.fromWire(transport.put("/V1/customers/" + customer.id(),
                new CustomerWire.CustomerEnvelope(CustomerMapping.toWire(customer)), CustomerWire.Customer.class));
    }

    /** {@code GET /V1/customerGroups/{id}}; empty when Magento has no such group. */
    public Optional<MagentoCustomerGroup> getCustomerGroup(int id) {
        return transport.find("/V1/customerGroups/" + id, CustomerWire.Group.class).map(MagentoCustomers::group);
    }

    /** {@code GET /V1/customerGroups/search} with {@code code eq} (Magento compares ignoring case). */
    public List<MagentoCustomerGroup> findCustomerGroupsByCode(String code) {
        SearchCriteria criteria = SearchCriteria.builder().where(Filter.eq("code", code)).build();
        return transport.search("/V1/customerGroups/search", criteria, CustomerWire.Group.class).items().stream()
                .map(MagentoCustomers::group).toList();
    }

    /**
     * {@code POST /V1/customerGroups}; returns the group with its id. A taken code is {@link MagentoException.Rejected};
     * Magento cuts a code longer than 32 characters to 32 (the returned group has the code it stored).
     */
    public MagentoCustomerGroup createCustomerGroup(MagentoCustomerGroup group) {
        return group(transport.post("/V1/customerGroups",
                new CustomerWire.GroupEnvelope(new CustomerWire.Group(null, group.code(), group.taxClassId())),
                CustomerWire.Group.class));
    }

    /**
     * The group with this code, created with this tax class when Magento has none. Several writers may create the same
     * code at once (each service that needs a price group's customer group creates it): Magento refuses all but one as
     * taken, and a refused writer reads the group the winner made instead of failing.
     */
    public MagentoCustomerGroup findOrCreateCustomerGroup(String code, int taxClassId) {
        Optional<MagentoCustomerGroup> existing = findCustomerGroupsByCode(code).stream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return createCustomerGroup(new MagentoCustomerGroup(null, code, taxClassId));
        } catch (MagentoException.Rejected refused) {
            // Only a taken code is answered by another writer's group; any other refusal is the caller's to see.
            return findCustomerGroupsByCode(code).stream().findFirst().orElseThrow(() -> refused);
        }
    }

    /** {@code PUT /V1/customerGroups/{id}}. */
    public MagentoCustomerGroup updateCustomerGroup(MagentoCustomerGroup group) {
        if (group.id() == null) {
            throw new IllegalArgumentException("updateCustomerGroup needs the group's Magento id");
        }
        return group(transport.put("/V1/customerGroups/" + group.id(),
                new CustomerWire.GroupEnvelope(new CustomerWire.Group(group.id(), group.code(), group.taxClassId())),
                CustomerWire.Group.class));
    }

    private static MagentoCustomerGroup group(CustomerWire.Group wire) {
        return new MagentoCustomerGroup(wire.id(), wire.code(), wire.taxClassId() == null ? 0 : wire.taxClassId());
    }
}
