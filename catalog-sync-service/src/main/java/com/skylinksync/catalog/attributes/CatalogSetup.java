package com.skylinksync.catalog.attributes;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.magento.catalog.MagentoAttribute;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Magento attributes the catalog sync writes, which the original installed with setup scripts inside Magento: we
 * are outside it, so at start they are checked through the REST API, missing ones created (with their type and global
 * scope, in the configured attribute set) and an existing one of an unusable type reported. Until the check passes
 * the service is not ready (health {@code catalogSetup} DOWN naming each problem, which the readiness group includes:
 * {@code /actuator/health/readiness} answers 503) and syncs fail transiently (retried); Magento unreachable is
 * retried every few seconds.
 */
@Component("catalogSetup")
public class CatalogSetup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CatalogSetup.class);
    private static final Duration RETRY = Duration.ofSeconds(3);

    /** An attribute the sync needs: its code, and whether it takes options (select) or free text. */
    record Required(String code, boolean select, String label) {
    }

    private final MagentoCatalog magento;
    private final CatalogProperties properties;
    private volatile List<String> problems = List.of("not checked yet");

    CatalogSetup(MagentoCatalog magento, CatalogProperties properties) {
        this.magento = magento;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkWhenStarted() {
        Thread.ofVirtual().name("catalog-setup").start(this::checkUntilDone);
    }

    private void checkUntilDone() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                problems = check();
                if (problems.isEmpty()) {
                    log.info("Magento catalog set-up is complete");
                } else {
                    log.error("Magento catalog set-up cannot be completed: {}", problems);
                }
                return;
            } catch (RuntimeException unreachable) {
                problems = List.of("Magento could not be checked: " + unreachable.getMessage());
                log.warn("Magento catalog set-up check failed, retrying in {}: {}", RETRY, unreachable.getMessage());
                try {
                    Thread.sleep(RETRY); // a pause between attempts, not a wait for a condition
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /** Every required attribute, created when missing; the problems of those that exist unusably. */
    List<String> check() {
        List<String> found = new ArrayList<>();
        for (Required required : required()) {
            Optional<MagentoAttribute> existing = magento.getAttribute(required.code());
            if (existing.isEmpty()) {
                magento.createAttribute(required.code(), required.select() ? "select" : "text", "global", required.label());
                magento.assignAttributeToSet(properties.attributeSetId(), properties.attributeGroupId(), required.code(), 900);
                log.info("Created Magento attribute {} ({})", required.code(), required.select() ? "select" : "text");
                continue;
            }
            AttributeTypes.problem(existing.get(), required.select()).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    List<Required> required() {
        Map<String, Required> required = new LinkedHashMap<>();
        required.put("skylink_product_id", new Required("skylink_product_id", false, "SkyLink Product ID"));
        required.put("manufacturer_sku", new Required("manufacturer_sku", false, "Manufacturer SKU"));
        required.put("qty_available", new Required("qty_available", false, "Qty Available"));
        required.put("qty_on_order", new Required("qty_on_order", false, "Qty On Order"));
        properties.mapped().forEach((code, magentoCode) -> required.putIfAbsent(magentoCode,
                new Required(magentoCode, code.isPredefined(), label(code))));
        return List.copyOf(required.values());
    }

    private static String label(AttributeCode code) {
        String text = code.code().replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Throws while the set-up is incomplete, so syncs retry instead of writing into a store that cannot take them. */
    public void requireReady() {
        List<String> current = problems;
        if (!current.isEmpty()) {
            throw new IllegalStateException("Magento catalog set-up incomplete: " + String.join("; ", current));
        }
    }

    @Override
    public Health health() {
        List<String> current = problems;
        return current.isEmpty() ? Health.up().build() : Health.down().withDetail("problems", current).build();
    }
}
