package com.skylinksync.catalog.attributes;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.magento.catalog.MagentoAttribute;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Magento attributes the catalog sync writes, which the original installed with setup scripts inside Magento: we
 * are outside it, so they are checked through the REST API, missing ones created (with their type and global scope,
 * in the configured attribute set) and an existing one of an unusable type reported. The check runs at start and
 * again every {@code skylink.catalog.setup-check-interval} (sooner when a sync meets an attribute problem), so an
 * attribute an operator fixes in Magento is taken up without a restart; Magento unreachable is retried every 3 s.
 *
 * <p>While any problem stands the service is not ready (health {@code catalogSetup} DOWN naming each, in the readiness
 * group: {@code /actuator/health/readiness} answers 503). What syncs do meanwhile depends on the problem: without the
 * sync's own attributes ({@code skylink_product_id}, {@code manufacturer_sku}, {@code qty_*}) or a first check nothing
 * can be written, so every sync fails transiently (retried); an unusable attribute an RE code maps to only fails,
 * permanently and naming it, the products and options that carry a value of that code, and the others flow.
 */
@Component("catalogSetup")
public class CatalogSetup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CatalogSetup.class);
    private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(3);
    /** Syncs asking for a check sooner are heard at most this often, so a burst of failing products is one check. */
    private static final Duration SOONEST_RECHECK = Duration.ofSeconds(2);

    /** An attribute the sync needs: its code, whether it takes options (select) or free text, and whether it is the sync's own. */
    record Required(String code, boolean select, String label, boolean own) {
    }

    /** What the last check found: every problem, those that stop every sync, and the attributes as Magento has them. */
    private record Found(List<String> problems, List<String> blocking, Map<String, MagentoAttribute> attributes) {
    }

    private final MagentoCatalog magento;
    private final CatalogProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore recheck = new Semaphore(0);
    private volatile Found found = new Found(List.of("not checked yet"), List.of("not checked yet"), Map.of());
    private volatile Instant lastCheck = Instant.EPOCH;
    private volatile Thread checker;

    CatalogSetup(MagentoCatalog magento, CatalogProperties properties) {
        this.magento = magento;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkWhenStarted() {
        checker = Thread.ofVirtual().name("catalog-setup").start(this::checkRepeatedly);
    }

    @EventListener(ContextClosedEvent.class)
    void stopChecking() {
        Thread running = checker;
        if (running != null) {
            running.interrupt();
        }
    }

    private void checkRepeatedly() {
        List<String> reported = null;
        while (!Thread.currentThread().isInterrupted()) {
            Duration next = properties.setupCheckInterval();
            recheck.drainPermits();
            lastCheck = clock.instant();
            try {
                found = check();
                if (!found.problems().equals(reported)) {
                    if (found.problems().isEmpty()) {
                        log.info("Magento catalog set-up is complete");
                    } else {
                        log.error("Magento catalog set-up cannot be completed: {}", found.problems());
                    }
                    reported = found.problems();
                }
            } catch (RuntimeException unreachable) {
                List<String> problem = List.of("Magento could not be checked: " + unreachable.getMessage());
                found = new Found(problem, problem, found.attributes());
                reported = null;
                next = UNREACHABLE_RETRY;
                log.warn("Magento catalog set-up check failed, retrying in {}: {}", next, unreachable.getMessage());
            }
            try {
                // Waits for the next check's time, or for a sync that met an attribute problem.
                recheck.tryAcquire(next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    /** Every required attribute, created when missing; the problems of those that exist unusably. */
    private Found check() {
        List<String> problems = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        Map<String, MagentoAttribute> attributes = new LinkedHashMap<>();
        for (Required required : required()) {
            Optional<MagentoAttribute> existing = magento.getAttribute(required.code());
            if (existing.isEmpty()) {
                MagentoAttribute created = magento.createAttribute(required.code(), required.select() ? "select" : "text",
                        "global", required.label());
                magento.assignAttributeToSet(properties.attributeSetId(), properties.attributeGroupId(), required.code(), 900);
                log.info("Created Magento attribute {} ({})", required.code(), required.select() ? "select" : "text");
                attributes.put(required.code(), created);
                continue;
            }
            attributes.put(required.code(), existing.get());
            AttributeTypes.problem(existing.get(), required.select()).ifPresent(problem -> {
                problems.add(problem);
                if (required.own()) {
                    blocking.add(problem);
                }
            });
        }
        return new Found(List.copyOf(problems), List.copyOf(blocking), Map.copyOf(attributes));
    }

    List<Required> required() {
        Map<String, Required> required = new LinkedHashMap<>();
        required.put("skylink_product_id", new Required("skylink_product_id", false, "SkyLink Product ID", true));
        required.put("manufacturer_sku", new Required("manufacturer_sku", false, "Manufacturer SKU", true));
        required.put("qty_available", new Required("qty_available", false, "Qty Available", true));
        required.put("qty_on_order", new Required("qty_on_order", false, "Qty On Order", true));
        properties.mapped().forEach((code, magentoCode) -> required.putIfAbsent(magentoCode,
                new Required(magentoCode, code.isPredefined(), label(code), false)));
        return List.copyOf(required.values());
    }

    private static String label(AttributeCode code) {
        String text = code.code().replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The attribute as the last check read (or created) it; empty when it was not checked. */
    Optional<MagentoAttribute> attribute(String magentoCode) {
        return Optional.ofNullable(found.attributes().get(magentoCode));
    }

    /** A sync met an attribute problem: check again soon, so a fix in Magento is seen before the next interval. */
    void recheckSoon() {
        if (Duration.between(lastCheck, clock.instant()).compareTo(SOONEST_RECHECK) >= 0) {
            recheck.release();
        }
    }

    /** Throws while nothing can be written (no first check, or the sync's own attributes unusable), so syncs retry. */
    public void requireReady() {
        List<String> blocking = found.blocking();
        if (!blocking.isEmpty()) {
            throw new IllegalStateException("Magento catalog set-up incomplete: " + String.join("; ", blocking));
        }
    }

    @Override
    public Health health() {
        List<String> problems = found.problems();
        return problems.isEmpty() ? Health.up().build() : Health.down().withDetail("problems", problems).build();
    }
}
