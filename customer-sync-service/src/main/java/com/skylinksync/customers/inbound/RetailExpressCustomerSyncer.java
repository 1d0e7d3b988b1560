package com.skylinksync.customers.inbound;

import com.skylinksync.customerlink.CustomerLink;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.retailexpress.Customer;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.connector.ContentHash;
import com.skylinksync.customerlink.PushLedger;
import com.skylinksync.customers.pricegroups.CustomerGroups;
import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.TaskOutcome;
import com.skylinksync.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Retail Express customer → Magento customer (reference 3.1, defects fixed): fetch the current RE customer,
 * find its Magento twin by the link attribute — or adopt an unlinked Magento customer with the same email
 * instead of failing on the duplicate — and create or update it. Writes are skipped when nothing RE owns changed:
 * without even asking Magento when the RE content hashes as it did at the last write, else when Magento already
 * holds what would be written. A group of customers is fetched from RE with one {@code GetCustomers} call.
 */
@Component
class RetailExpressCustomerSyncer implements EntitySyncer {

    private final RetailExpressCustomers retailExpress;
    private final MagentoCustomers magento;
    private final MagentoCustomerMapper mapper;
    private final RequiredFields requiredFields;
    private final CustomerGroups groups;
    private final CustomerSyncProperties properties;
    private final PushLedger pushLedger;

    RetailExpressCustomerSyncer(RetailExpressCustomers retailExpress, MagentoCustomers magento, MagentoCustomerMapper mapper,
                                RequiredFields requiredFields, CustomerGroups groups, CustomerSyncProperties properties,
                                PushLedger pushLedger) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.mapper = mapper;
        this.requiredFields = requiredFields;
        this.groups = groups;
        this.properties = properties;
        this.pushLedger = pushLedger;
    }

    @Override
    public EntityType entityType() {
        return EntityType.CUSTOMER;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        return syncAll(List.of(task)).stream().map(outcome -> switch (outcome) {
            case TaskOutcome.Done done -> done.result();
            case TaskOutcome.Failed failed -> throw failed.failure();
        }).findFirst().orElseThrow();
    }

    /** One {@code GetCustomers} for the whole group; then each customer on its own (its failure is its own). */
    @Override
    public List<TaskOutcome> syncAll(List<SyncTask> tasks) {
        Set<Integer> ids = new LinkedHashSet<>();
        List<TaskOutcome> outcomes = new ArrayList<>(tasks.size());
        List<SyncTask> valid = new ArrayList<>();
        for (SyncTask task : tasks) {
            try {
                ids.add(customerId(task.entityId()));
                valid.add(task);
            } catch (PermanentSyncException invalid) {
                outcomes.add(new TaskOutcome.Failed(task.entityId(), invalid));
            }
        }
        Map<Integer, Customer> found = retailExpress.getCustomers(ids).stream()
                .collect(Collectors.toMap(Customer::id, Function.identity(), (a, b) -> a));
        for (SyncTask task : valid) {
            outcomes.add(TaskOutcome.of(task, () -> syncOne(task, found.get(customerId(task.entityId())))));
        }
        return outcomes;
    }

    private SyncResult syncOne(SyncTask task, Customer source) {
        if (source == null) {
            throw new PermanentSyncException("NOT_FOUND_IN_RETAIL_EXPRESS",
                    "Customer with ID " + task.entityId() + " does not exist in Retail Express.");
        }
        // The group of the configured price-group type; none of that type → Magento's default group (reference 3.1).
        Integer groupId = source.priceGroup(groups.customerType()).map(groups::groupOf).orElse(null);
        String hash = ContentHash.of(source, groupId, properties);
        // A drift heal is sent because Magento no longer holds what was last written: compare with Magento itself.
        boolean drifted = task.latest().getOrigin() == com.skylinksync.schemas.avro.Origin.DRIFT;
        if (!drifted && hash.equals(task.lastContentHash()) && task.lastTargetId() != null) {
            return SyncResult.unchanged(task.lastTargetId(), hash);
        }
        Optional<MagentoCustomer> linked = findTwin(source);
        MagentoCustomer wanted = requiredFields.complete(source.id(), mapper.map(source, linked, groupId));
        if (linked.isPresent() && linked.get().equals(wanted)) {
            return SyncResult.unchanged(String.valueOf(wanted.id()), hash);
        }
        MagentoCustomer written = linked.isPresent() ? magento.updateCustomer(wanted) : magento.createCustomer(wanted);
        // This Magento save is RE's own content: the Magento → RE push must not send it back.
        pushLedger.writtenFromRetailExpress(written, source.id());
        return SyncResult.synced(String.valueOf(written.id()), hash);
    }

    private Optional<MagentoCustomer> findTwin(Customer source) {
        String link = Integer.toString(source.id());
        List<MagentoCustomer> linked = magento.findCustomersByAttribute(CustomerLink.MAGENTO_ATTRIBUTE, link);
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
        String otherLink = candidate.customAttribute(CustomerLink.MAGENTO_ATTRIBUTE);
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
