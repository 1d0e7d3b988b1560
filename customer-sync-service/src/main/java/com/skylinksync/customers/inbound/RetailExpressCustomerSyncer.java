package com.skylinksync.customers.inbound;

import com.skylinksync.magento.MagentoClient;
import com.skylinksync.magento.MagentoCustomer;
import com.skylinksync.retailexpress.Customer;
import com.skylinksync.retailexpress.RetailExpressClient;
import com.skylinksync.runtime.EntitySyncer;
import com.skylinksync.runtime.PermanentSyncException;
import com.skylinksync.runtime.SyncResult;
import com.skylinksync.schemas.avro.EntityChanged;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Retail Express customer → Magento customer (reference 3.1, defects fixed): fetch the current RE customer,
 * find its Magento twin by the link attribute — or adopt an unlinked Magento customer with the same email
 * instead of failing on the duplicate — and create or update it. Writes are skipped when nothing RE owns changed.
 */
@Component
class RetailExpressCustomerSyncer implements EntitySyncer {

    private final RetailExpressClient retailExpress;
    private final MagentoClient magento;
    private final MagentoCustomerMapper mapper;

    RetailExpressCustomerSyncer(RetailExpressClient retailExpress, MagentoClient magento, MagentoCustomerMapper mapper) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.mapper = mapper;
    }

    @Override
    public SyncResult sync(EntityChanged event) {
        int customerId = customerId(event.getEntityId());
        Customer source = retailExpress.getCustomer(customerId).orElseThrow(() -> new PermanentSyncException(
                "NOT_FOUND_IN_RETAIL_EXPRESS", "Customer with ID " + customerId + " does not exist in Retail Express."));

        Optional<MagentoCustomer> linked = findTwin(source);
        MagentoCustomer wanted = mapper.map(source, linked);
        if (linked.isPresent() && linked.get().equals(wanted)) {
            return SyncResult.unchanged(String.valueOf(wanted.id()));
        }
        MagentoCustomer written = linked.isPresent() ? magento.updateCustomer(wanted) : magento.createCustomer(wanted);
        return SyncResult.synced(String.valueOf(written.id()));
    }

    private Optional<MagentoCustomer> findTwin(Customer source) {
        String link = Integer.toString(source.id());
        List<MagentoCustomer> linked = magento.findCustomersByAttribute(MagentoCustomerMapper.LINK_ATTRIBUTE, link);
        if (linked.size() > 1) {
            throw new PermanentSyncException("AMBIGUOUS_MATCH", "Magento customers " + ids(linked)
                    + " are all linked to Retail Express customer " + link + "; unlink all but one.");
        }
        if (linked.size() == 1) {
            return Optional.of(linked.getFirst());
        }
        List<MagentoCustomer> sameEmail = magento.findCustomersByEmail(source.email());
        if (sameEmail.isEmpty()) {
            return Optional.empty();
        }
        if (sameEmail.size() > 1) {
            throw new PermanentSyncException("AMBIGUOUS_MATCH", "Magento customers " + ids(sameEmail)
                    + " share the email of Retail Express customer " + link + ".");
        }
        MagentoCustomer candidate = sameEmail.getFirst();
        String otherLink = candidate.customAttribute(MagentoCustomerMapper.LINK_ATTRIBUTE);
        if (otherLink != null && !otherLink.isBlank()) {
            throw new PermanentSyncException("EMAIL_LINKED_ELSEWHERE", "Magento customer " + candidate.id()
                    + " has the email of Retail Express customer " + link + " but is linked to Retail Express customer "
                    + otherLink + ".");
        }
        return Optional.of(candidate);
    }

    private static int customerId(String entityId) {
        try {
            int id = Integer.parseInt(entityId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new PermanentSyncException("INVALID_ENTITY_ID", "'" + entityId + "' is not a Retail Express customer id.");
    }

    private static String ids(List<MagentoCustomer> customers) {
        return customers.stream().map(c -> String.valueOf(c.id())).toList().toString();
    }
}
