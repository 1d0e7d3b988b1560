package com.skylinksync.customers.outbound;

import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.customers.MagentoCustomer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls Magento for customers changed since the high-water mark ({@code updated_at >= mark}: Magento's timestamps
 * have whole seconds, so a strictly-greater poll would miss a customer saved later in the same second) and pushes each
 * in {@code (updated_at, id)} order. The mark moves to the newest customer handled, but never past one whose push
 * stalled, so that customer comes back in the next poll; customers read again at the same second are skipped by
 * {@link CustomerPusher} because their content hashes as what RE already holds.
 *
 * <p>One pod polls at a time (a lease in the database); it runs on its own thread, apart from the Kafka consumer.
 * Metric: {@code skylink.customers.push{outcome}}.
 */
@Component
@ConditionalOnProperty(name = "skylink.customers.push.enabled", havingValue = "true", matchIfMissing = true)
class CustomerPushPoller implements SmartLifecycle {

    static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(CustomerPushPoller.class);

    private final MagentoCustomers magento;
    private final CustomerPusher pusher;
    private final PushLedger ledger;
    private final CustomerPushProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String owner = "customer-push-" + UUID.randomUUID();
    private ScheduledExecutorService timer;

    CustomerPushPoller(MagentoCustomers magento, CustomerPusher pusher, PushLedger ledger,
                       CustomerPushProperties properties, ObjectProvider<MeterRegistry> registry) {
        this.magento = magento;
        this.pusher = pusher;
        this.ledger = ledger;
        this.properties = properties;
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.clock = Clock.systemUTC();
    }

    /** One poll: claim the lease, read every changed customer, push them in order, move the mark. */
    void pollOnce() {
        String initial = properties.startFrom() != null ? properties.startFrom() : MAGENTO_TIME.format(clock.instant());
        String mark = ledger.claim(owner, properties.lease(), initial).orElse(null);
        if (mark == null) {
            return; // another pod is polling
        }
        List<MagentoCustomer> changed = changedSince(mark);
        String newMark = mark;
        for (MagentoCustomer customer : changed) {
            try {
                PushOutcome outcome = pusher.push(customer);
                Counter.builder("skylink.customers.push").tag("outcome", outcome.tag()).register(registry).increment();
            } catch (PushStalled stalled) {
                Counter.builder("skylink.customers.push").tag("outcome", "stalled").register(registry).increment();
                log.warn("Customer push stalled at Magento customer {} (retried next poll): {}", customer.id(),
                        stalled.getMessage());
                break; // the mark stays at or before this customer's updated_at
            }
            if (customer.updatedAt() != null && customer.updatedAt().compareTo(newMark) > 0) {
                newMark = customer.updatedAt();
            }
        }
        if (!newMark.equals(mark)) {
            ledger.advance(owner, newMark);
        }
    }

    /**
     * Every page of customers changed at or after the mark, oldest first. Stops at a short page, or at a page with
     * nothing new (real Magento answers a page past the end with the last page again).
     */
    private List<MagentoCustomer> changedSince(String mark) {
        List<MagentoCustomer> all = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            List<MagentoCustomer> items = magento.findCustomersUpdatedSince(mark, page, properties.pageSize());
            boolean anyNew = false;
            for (MagentoCustomer customer : items) {
                if (ids.add(customer.id())) {
                    all.add(customer);
                    anyNew = true;
                }
            }
            if (items.size() < properties.pageSize() || !anyNew) {
                break;
            }
        }
        all.sort(Comparator.comparing((MagentoCustomer c) -> c.updatedAt() == null ? "" : c.updatedAt())
                .thenComparing(MagentoCustomer::id));
        return all;
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException failure) {
            // Magento or the database unavailable: the next poll tries again from the same mark.
            log.warn("Customer push poll failed (retried in {}): {}", properties.interval(), failure.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("customer-push").daemon().factory());
            timer.scheduleWithFixedDelay(this::pollSafely, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        try {
            ledger.release(owner);
        } catch (RuntimeException failure) {
            log.warn("Could not give up the customer push lease (it runs out in {}): {}", properties.lease(),
                    failure.getMessage());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
