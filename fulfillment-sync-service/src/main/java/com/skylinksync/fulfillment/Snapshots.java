package com.skylinksync.fulfillment;

import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoOrder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders and invoices as change events carry them: Magento's own JSON (the client's records in Magento's field
 * names), so an event reads like what Magento returned.
 */
@Component
public class Snapshots {

    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public String write(Object entity) {
        return json.writeValueAsString(entity);
    }

    public MagentoOrder order(String snapshot) {
        return read(snapshot, MagentoOrder.class);
    }

    public MagentoInvoice invoice(String snapshot) {
        return read(snapshot, MagentoInvoice.class);
    }

    private <T> T read(String snapshot, Class<T> type) {
        if (snapshot == null) {
            throw new com.skylinksync.connector.PermanentSyncException("NO_SNAPSHOT",
                    "The change event carries no " + type.getSimpleName() + " snapshot");
        }
        try {
            return json.readValue(snapshot, type);
        } catch (JacksonException unreadable) {
            throw new com.skylinksync.connector.PermanentSyncException("UNREADABLE_SNAPSHOT",
                    "The change event's " + type.getSimpleName() + " is not readable: " + unreadable.getOriginalMessage());
        }
    }
}
