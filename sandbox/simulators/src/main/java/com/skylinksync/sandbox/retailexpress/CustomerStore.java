package com.skylinksync.sandbox.retailexpress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The simulated RE customer table: thread-safe, ordered by id (GetCustomerIds lists in id order). Stored customers
 * (fixtures, registrations, and generated customers once changed) stand in front of the generated ones, which are
 * computed on read: only what a test changes costs memory. New customers get ids from {@link #FIRST_NEW_ID}
 * upwards, above any seeded id, so fixtures and registrations never collide; generated ids start far above, at
 * {@value GeneratedCustomers#FIRST_ID}.
 */
final class CustomerStore {

    static final int FIRST_NEW_ID = 300100;

    private final ConcurrentSkipListMap<Integer, StoredCustomer> customers = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(FIRST_NEW_ID);
    private final GeneratedCustomers generated;
    private final java.util.Set<Integer> createdIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CustomerStore(GeneratedCustomers generated) {
        this.generated = generated;
    }

    /** Adds or replaces customers under their own ids; later registrations are numbered above every seeded id. */
    void seed(Collection<StoredCustomer> seeded) {
        for (StoredCustomer customer : seeded) {
            customers.put(customer.id(), customer);
            nextId.accumulateAndGet(customer.id() + 1, Math::max);
        }
    }

    /** The stored customer, else the generated one. */
    Optional<StoredCustomer> find(int id) {
        StoredCustomer stored = customers.get(id);
        return stored != null ? Optional.of(stored) : generated.customer(id);
    }

    /** The known customers among {@code ids}, in the order asked; unknown ids are simply absent, as in RE. */
    List<StoredCustomer> findAll(Collection<Integer> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The ids of the customers that pass {@code filter}, ascending: stored and generated ones merged. */
    List<Integer> ids(Predicate<StoredCustomer> filter) {
        int firstGenerated = GeneratedCustomers.FIRST_ID;
        int afterGenerated = firstGenerated + generated.count();
        List<Integer> ids = new ArrayList<>();
        customers.headMap(firstGenerated).values().stream().filter(filter).forEach(c -> ids.add(c.id()));
        for (int id = firstGenerated; id < afterGenerated; id++) {
            if (find(id).filter(filter).isPresent()) {
                ids.add(id);
            }
        }
        customers.tailMap(afterGenerated).values().stream().filter(filter).forEach(c -> ids.add(c.id()));
        return ids;
    }

    StoredCustomer create(Map<String, String> fields) {
        int id = nextId.getAndIncrement();
        StoredCustomer created = new StoredCustomer(id, fields);
        customers.put(id, created);
        createdIds.add(id);
        return created;
    }

    /** Every customer created through CustomerCreateUpdate (no CustomerId given), as now stored, in id order. */
    List<StoredCustomer> created() {
        return createdIds.stream().sorted().map(customers::get).filter(Objects::nonNull).toList();
    }

    /**
     * Empty when there is no such customer (RE answers Result=Fail). Updating a generated customer stores it with
     * the changes, and from then on the stored version is the one read.
     */
    Optional<StoredCustomer> update(int id, Map<String, String> changes) {
        return Optional.ofNullable(customers.compute(id, (key, existing) -> existing != null
                ? existing.with(changes)
                : generated.customer(id).map(g -> g.with(changes)).orElse(null)));
    }
}
