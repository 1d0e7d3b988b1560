package com.skylinksync.magento;

import java.util.List;
import java.util.Optional;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Magento 2 REST client over WebClient, with a blocking facade: sync services run each entity on its own
 * (virtual) thread, so straight-line calls read better there than reactive chains. Thread-safe.
 * Every failure is a {@link MagentoException} whose subtype says whether a retry can help.
 */
public final class MagentoClient {

    public MagentoClient(WebClient.Builder webClientBuilder, MagentoSettings settings) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GET /V1/customers/{id}}; empty on 404. */
    public Optional<MagentoCustomer> getCustomer(long id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GET /V1/customers/search} with {@code email eq}. */
    public List<MagentoCustomer> findCustomersByEmail(String email) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GET /V1/customers/search} with {@code <attributeCode> eq <value>} on a custom attribute. */
    public List<MagentoCustomer> findCustomersByAttribute(String attributeCode, String value) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code POST /V1/customers}; returns the created customer with its id. */
    public MagentoCustomer createCustomer(MagentoCustomer customer) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code PUT /V1/customers/{id}}; returns the saved customer. */
    public MagentoCustomer updateCustomer(MagentoCustomer customer) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code GET /V1/directory/countries/{countryId}} → its regions (empty when Magento has none for it). */
    public List<MagentoRegion> regionsOf(String countryId) {
        throw new UnsupportedOperationException("TODO");
    }
}
