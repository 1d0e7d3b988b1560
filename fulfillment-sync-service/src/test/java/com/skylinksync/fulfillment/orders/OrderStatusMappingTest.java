package com.skylinksync.fulfillment.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.fulfillment.Snapshots;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.retailexpress.orders.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference 3.6's state mapping, and a state it does not name refused naming it. */
class OrderStatusMappingTest {

    private final Snapshots snapshots = new Snapshots();

    @ParameterizedTest
    @CsvSource({"new,PENDING", "pending_payment,PROCESSING", "processing,PROCESSING", "closed,PROCESSING",
            "canceled,PROCESSING", "holded,PROCESSING", "payment_review,PROCESSING", "complete,COMPLETE"})
    void everyMagentoStateTheReferenceNamesHasItsRetailExpressStatus(String state, OrderStatus expected) {
        assertThat(OrderMapping.status(order(state))).isEqualTo(expected);
    }

    @Test
    void anUnmappedStateIsAPermanentErrorNamingTheOrderAndTheState() {
        assertThatThrownBy(() -> OrderMapping.status(order("fraud_hold")))
                .isInstanceOfSatisfying(PermanentSyncException.class,
                        e -> assertThat(e.code()).isEqualTo("ORDER_STATE_NOT_MAPPED"))
                .hasMessageContaining("000000042").hasMessageContaining("'fraud_hold'");
    }

    @Test
    void theRetailExpressOrderNamingItsMagentoOrderIsReadBack() {
        assertThat(MagentoOrderPush.magentoOrderNamedIn("Magento order #000000042 (id 42)")).contains(42L);
        assertThat(MagentoOrderPush.magentoOrderNamedIn("Customer called\nMagento order #A-7 (id 7)")).contains(7L);
        assertThat(MagentoOrderPush.magentoOrderNamedIn("Customer called about delivery")).isEmpty();
        assertThat(MagentoOrderPush.magentoOrderNamedIn(null)).isEmpty();
    }

    private MagentoOrder order(String state) {
        return snapshots.order("{\"entity_id\":42,\"increment_id\":\"000000042\",\"state\":\"" + state + "\"}");
    }
}
