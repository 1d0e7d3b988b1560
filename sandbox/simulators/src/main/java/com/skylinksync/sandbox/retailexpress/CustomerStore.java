package com.skylinksync.sandbox.retailexpress;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The simulated RE customer table: thread-safe, ordered by id (GetCustomerIds lists in id order), seedable with
 * any number of customers (fixtures now, a generated catalogue later). New customers get ids from
 * {@link #FIRST_NEW_ID} upwards, above any seeded id, so fixtures and registrations never collide.
 */
final class CustomerStore {

    static final int FIRST_NEW_ID = 300100;

    private final ConcurrentSkipListMap<Integer, StoredCustomer> customers = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(FIRST_NEW_ID);

    /** Adds or replaces customers under their own ids; later registrations are numbered above every seeded id. */
    void seed(Collection<StoredCustomer> seeded) {
        for (StoredCustomer customer : seeded) {
            customers.put(customer.id(), customer);
            nextId.accumulateAndGet(customer.id() + 1, Math::max);
        }
    }

    Optional<StoredCustomer> find(int id) {
        return Optional.ofNullable(customers.get(id));
    }

    /** The known customers among {@code ids}, in the order asked; unknown ids are simply absent, as in RE. */
    List<StoredCustomer> findAll(Collection<Integer> ids) {
        return ids.stream().distinct().map(customers::get).filter(Objects::nonNull).toList();
    }

    List<Integer> ids(Predicate<StoredCustomer> filter) {
        return customers.values().stream().filter(filter).map(StoredCustomer::id).toList();
    }

    StoredCustomer create(Map<String, String> fields) {
        int id = nextId.getAndIncrement();
        StoredCustomer created = new StoredCustomer(id, fields);
        customers.put(id, created);
        return created;
    }

    /** Empty when there is no such customer (RE answers Result=Fail). */
    Optional<StoredCustomer> update(int id, Map<String, String> changes) {
        return Optional.ofNullable(customers.computeIfPresent(id, (key, existing) -> existing.with(changes)));
    }
}
