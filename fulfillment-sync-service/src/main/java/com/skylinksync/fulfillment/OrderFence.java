package com.skylinksync.fulfillment;

import com.skylinksync.runtime.locks.KeyLock;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every external write of one Magento order — its RE order, its invoices' RE payments, the Magento invoice and
 * shipments made from RE — runs holding that order's {@link KeyLock} ({@code magento-order:<entity_id>}), from the
 * ledger read through the intent, the write and its outcome. The runtime's lanes keep one execution per key on a pod,
 * but a lane is handed back when shutdown-grace or the rebalance wait runs out while its sync still executes; the new
 * owner's execution then waits here and, once it holds the order, reads the outcome the first one recorded instead of
 * writing again. Waits up to 30 s, then fails transiently (retried with backoff).
 */
@Component
public class OrderFence {

    private final KeyLock lock;

    OrderFence(ConnectionFactory connections) {
        this.lock = new KeyLock(connections, "magento-order", Duration.ofSeconds(30));
    }

    public <T> T holding(long magentoOrderId, Supplier<T> work) {
        return lock.holding(Long.toString(magentoOrderId), work);
    }
}
