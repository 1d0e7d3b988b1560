package com.skylinksync.sandbox.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CustomerStoreTest {

    private final CustomerStore store = new CustomerStore(new GeneratedCatalogue(CatalogueSpec.none()).customers());

    @Test
    void numbersNewCustomersAboveEverySeededOne() {
        store.seed(CustomerFixtures.all());
        assertThat(store.create(Map.of()).id()).isEqualTo(CustomerStore.FIRST_NEW_ID);

        store.seed(List.of(new StoredCustomer(400000, Map.of())));
        assertThat(store.create(Map.of()).id()).isEqualTo(400001);
    }

    @Test
    void findsKnownIdsInTheOrderAskedAndSkipsUnknownOnes() {
        store.seed(CustomerFixtures.all());

        assertThat(store.findAll(List.of(300001, 999, 300000, 300001))).extracting(StoredCustomer::id)
                .containsExactly(300001, 300000);
    }

    @Test
    void updatesOnlyExistingCustomersKeepingOtherFields() {
        store.seed(CustomerFixtures.all());

        assertThat(store.update(300000, Map.of("BillPhone", "1")).orElseThrow().field("BillFirstName"))
                .isEqualTo("Joey");
        assertThat(store.update(999, Map.of("BillPhone", "1"))).isEmpty();
    }

    @Test
    void givesConcurrentRegistrationsDistinctIds() throws Exception {
        List<Callable<Integer>> creates = IntStream.range(0, 200)
                .<Callable<Integer>>mapToObj(i -> () -> store.create(Map.of("BillEmail", i + "@x")).id()).toList();
        Set<Integer> ids;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            ids = pool.invokeAll(creates).stream().map(CustomerStoreTest::get).collect(Collectors.toSet());
        }

        assertThat(ids).hasSize(200);
        assertThat(store.ids(c -> true)).hasSize(200).isSorted();
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
