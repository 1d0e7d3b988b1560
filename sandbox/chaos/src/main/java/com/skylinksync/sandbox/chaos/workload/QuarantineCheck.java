package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.ChaosReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every dead letter and parked write has a reason and belongs to something that explains it, read as the CLI
 * reads them ({@code GET /ops/dead-letters}, {@code GET /ops/parked}).
 *
 * <ul>
 *   <li>No injected fault may dead-letter or park anything: RE latency, RE throttling and Magento 5xx are transient,
 *       and a correct system retries them. A dead letter whose reason is a transient one (5xx, throttle, timeout,
 *       connection) is therefore a violation, as is any dead letter of a Magento-side entity (the workload places only
 *       valid orders and registers only valid customers), of an RE price group (the simulator's are all valid), or
 *       one refused because another writer took its key first ("already exists": a lost race).</li>
 *   <li>An RE entity the services refuse for its own content (e.g. a generated customer without the phone Magento
 *       requires) is a permanent refusal of the source, the same in a run without faults: allowed, counted, and left
 *       out of the final-state comparison.</li>
 *   <li>A parked write (outcome unknown) is allowed only when a process of the service that parked it was KILLED
 *       before it, at any time in the run: a write cut off mid-call, or a later change of the same order (its invoice)
 *       that waits behind the parked write and is parked with it when its event comes. Anything else parked is a violation.</li>
 * </ul>
 */
final class QuarantineCheck {

    private static final Pattern TRANSIENT = Pattern.compile(
            "(?i)throttl|timed? ?out|timeout|\\b5\\d\\d\\b|unavailable|connection|refused|reset by peer|gave up after");

    /** Magento's answer to a create whose unique key another writer took first: a race, never the source's fault. */
    private static final Pattern TAKEN = Pattern.compile("(?i)already exists");

    /** The RE entities refused for their own content, {@code TYPE:id} (left out of the final-state comparison). */
    final Set<String> sourceRefusals = new LinkedHashSet<>();

    /** {@code faults}: what the workload injected, named beside a dead letter quarantined in its window. */
    ChaosReport.Check deadLetters(JsonNode page, List<InjectedFault> faults) {
        List<String> violations = new ArrayList<>();
        int total = 0;
        for (JsonNode letter : page.path("items")) {
            total++;
            String reason = letter.path("reason").asString("");
            String type = letter.path("entityType").asString("");
            String entity = type + ":" + letter.path("entityId").asString("");
            String where = letter.path("id").asString() + " " + entity;
            if (reason.isBlank()) {
                violations.add(where + " has no reason");
            } else if (TRANSIENT.matcher(reason).find()) {
                violations.add(where + " dead-lettered for a transient failure" + during(letter, faults) + ": " + brief(reason));
            } else if (type.startsWith("MAGENTO_")) {
                violations.add(where + " (a Magento-side entity the workload made valid) refused: " + brief(reason));
            } else if (type.equals("PRICE_GROUP")) {
                violations.add(where + " (RE's reference data, all valid) refused: " + brief(reason));
            } else if (TAKEN.matcher(reason).find()) {
                violations.add(where + " lost a race with another writer (Magento refused a taken key): " + brief(reason));
            } else {
                sourceRefusals.add(entity);
            }
        }
        return new ChaosReport.Check("dead letters: each a permanent refusal of RE's own data", "0 others",
                total + " (" + sourceRefusals.size() + " RE entities refused for their content)", violations.isEmpty(),
                cap(violations));
    }

    ChaosReport.Check parked(JsonNode page, List<ChaosEvent> events) {
        List<String> violations = new ArrayList<>();
        int total = 0;
        int explained = 0;
        for (JsonNode write : page.path("items")) {
            total++;
            String reason = write.path("reason").asString("");
            String service = serviceOf(write.path("sourceTopic").asString(write.path("topic").asString("")));
            Instant at = Instant.parse(write.path("quarantinedAt").asString());
            String where = write.path("id").asString() + " " + write.path("entityType").asString("") + ":"
                    + write.path("entityId").asString("");
            boolean killed = events.stream().anyMatch(e -> e.kind() == ChaosEvent.Kind.KILLED
                    && e.target().startsWith(service) && !e.at().isAfter(at));
            if (reason.isBlank()) {
                violations.add(where + " has no reason");
            } else if (!killed) {
                violations.add(where + " parked at " + at + " with no " + service + " killed before it: " + brief(reason));
            } else {
                explained++;
            }
        }
        return new ChaosReport.Check("parked writes: each after a kill of its service", "0 unexplained",
                total + " (" + explained + " after a kill)", violations.isEmpty(), cap(violations));
    }

    /** The injected faults whose window holds the record's quarantine time, as " (during ...)"; empty when none. */
    private static String during(JsonNode record, List<InjectedFault> faults) {
        if (!record.hasNonNull("quarantinedAt")) {
            return "";
        }
        Instant at = Instant.parse(record.get("quarantinedAt").asString());
        List<String> windows = faults.stream().filter(f -> !at.isBefore(f.from()) && !at.isAfter(f.to()))
                .map(InjectedFault::toString).toList();
        return windows.isEmpty() ? " (in no injected fault's window)" : " (during " + String.join("; ", windows) + ")";
    }

    /** The service that consumes a topic (and so parked or dead-lettered its record). */
    static String serviceOf(String topic) {
        if (topic.contains("magento.orders") || topic.contains("re.orders") || topic.contains("re.outlets")) {
            return "fulfillment-sync-service";
        }
        if (topic.contains("re.products") || topic.contains("re.attributes")) {
            return "catalog-sync-service";
        }
        return "customer-sync-service";
    }

    /**
     * The Magento orders whose push is parked (an order's invoice is keyed by its order, so either kind names the
     * order): the runtime will not write them again until an operator has checked RE, so they are settled, not missing.
     */
    static Set<Long> parkedOrders(JsonNode page) {
        Set<Long> orders = new java.util.TreeSet<>();
        for (JsonNode write : page.path("items")) {
            String type = write.path("entityType").asString("");
            if (type.equals("MAGENTO_ORDER") || type.equals("MAGENTO_INVOICE")) {
                orders.add(Long.valueOf(write.path("entityId").asString()));
            }
        }
        return orders;
    }

    static List<String> cap(List<String> violations) {
        if (violations.size() <= 30) {
            return violations;
        }
        List<String> capped = new ArrayList<>(violations.subList(0, 30));
        capped.add("... and " + (violations.size() - 30) + " more");
        return capped;
    }

    private static String brief(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
