package com.skylinksync.customers.outbound;

import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.customers.MagentoCustomer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A Magento customer as a change event carries it ({@code snapshot}): its JSON, read back by the push. */
@Component
class CustomerSnapshots {

    private final JsonMapper json = JsonMapper.builder().build();

    String write(MagentoCustomer customer) {
        return json.writeValueAsString(customer);
    }

    MagentoCustomer read(String entityId, String snapshot) {
        if (snapshot == null || snapshot.isBlank()) {
            throw new PermanentSyncException("NO_SNAPSHOT", "The change event for Magento customer " + entityId
                    + " carries no snapshot of the customer to push.");
        }
        try {
            return json.readValue(snapshot, MagentoCustomer.class);
        } catch (JacksonException unreadable) {
            throw new PermanentSyncException("UNREADABLE_SNAPSHOT", "The snapshot of Magento customer " + entityId
                    + " is not a customer: " + unreadable.getOriginalMessage());
        }
    }
}
