package com.skylinksync.retailexpress.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports BatchSpec, BatchThresholdSpec, FulfillmentGrouperSpec and FulfillmentSpec (reference 6.1). */
class FulfillmentBatchTest {

    private static final Instant NOW = Instant.parse("2017-03-21T09:00:00Z");

    private static Fulfillment fulfillment(Integer id, String orderId, Instant at) {
        return new Fulfillment(id, orderId, 1, at, BigDecimal.ONE);
    }

    @Test
    void batchOfTwoFulfillmentsOfOneOrder() {
        FulfillmentBatch batch = new FulfillmentBatch(List.of(fulfillment(1, "1-1", NOW), fulfillment(2, "1-1", NOW)));

        assertThat(batch.orderId()).isEqualTo("1-1");
        assertThat(batch.fulfillments()).hasSize(2);
        assertThat(batch.fulfilledAt()).isEqualTo(NOW);
    }

    @Test
    void batchOfTwoOrdersIsRefused() {
        assertThatThrownBy(() -> new FulfillmentBatch(List.of(fulfillment(1, "1-1", NOW), fulfillment(2, "1-2", NOW))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("All fulfillments must belong to the same order, 2 orders provided.");
    }

    @Test
    void idIsNullWithoutFulfillmentIds() {
        assertThat(new FulfillmentBatch(List.of(fulfillment(null, "1-1", NOW))).id()).isNull();
    }

    @Test
    void idIsMd5OfTheSortedIds() {
        String md5Of12 = "c20ad4d76fe97759aa27a0c99bff6710";
        assertThat(new FulfillmentBatch(List.of(fulfillment(1, "1-1", NOW), fulfillment(2, "1-1", NOW))).id())
                .isEqualTo(md5Of12);
        assertThat(new FulfillmentBatch(List.of(fulfillment(2, "1-1", NOW), fulfillment(1, "1-1", NOW))).id())
                .isEqualTo(md5Of12);
    }

    @Test
    void thresholdRules() {
        assertThat(new BatchThreshold(60).seconds()).isEqualTo(60);
        assertThatThrownBy(() -> new BatchThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BatchThreshold(60)).isEqualTo(new BatchThreshold(60)).isNotEqualTo(new BatchThreshold(61));
        assertThat(new BatchThreshold(60)).hasToString("60");
        assertThat(BatchThreshold.DEFAULT.seconds()).isEqualTo(300);
    }

    @Test
    void sameTimestampsMakeOneGroupInInputOrder() {
        Fulfillment f1 = fulfillment(3, "1-1", NOW);
        Fulfillment f2 = fulfillment(1, "1-1", NOW);
        Fulfillment f3 = fulfillment(2, "1-1", NOW);

        List<FulfillmentBatch> batches = FulfillmentBatch.group(List.of(f1, f2, f3), new BatchThreshold(5));

        assertThat(batches).singleElement().satisfies(b -> assertThat(b.fulfillments()).containsExactly(f1, f2, f3));
    }

    @Test
    void anHourEarlierIsItsOwnGroupFirst() {
        Fulfillment f1 = fulfillment(1, "1-1", NOW);
        Fulfillment f2 = fulfillment(2, "1-1", NOW);
        Fulfillment f3 = fulfillment(3, "1-1", NOW.minusSeconds(3600));

        List<FulfillmentBatch> batches = FulfillmentBatch.group(List.of(f1, f2, f3), new BatchThreshold(5));

        assertThat(batches).extracting(FulfillmentBatch::fulfillments)
                .containsExactly(List.of(f3), List.of(f1, f2));
    }

    @Test
    void theWindowIsAnchoredOnTheFirstFulfillmentAndDoesNotSlide() {
        Fulfillment a = fulfillment(1, "1-1", NOW);
        Fulfillment b = fulfillment(2, "1-1", NOW.plusSeconds(200));
        Fulfillment c = fulfillment(3, "1-1", NOW.plusSeconds(300));
        Fulfillment d = fulfillment(4, "1-1", NOW.plusSeconds(400)); // within 300 s of b, but not of a

        List<FulfillmentBatch> batches = FulfillmentBatch.group(List.of(d, c, b, a), BatchThreshold.DEFAULT);

        assertThat(batches).extracting(FulfillmentBatch::fulfillments)
                .containsExactly(List.of(a, b, c), List.of(d));
    }

    @Test
    void groupingKeepsOneOrderPerBatch() {
        List<FulfillmentBatch> batches = FulfillmentBatch.group(
                List.of(fulfillment(1, "1-1", NOW), fulfillment(2, "1-2", NOW.plusSeconds(1))), BatchThreshold.DEFAULT);

        assertThat(batches).extracting(FulfillmentBatch::orderId).containsExactly("1-1", "1-2");
    }
}
