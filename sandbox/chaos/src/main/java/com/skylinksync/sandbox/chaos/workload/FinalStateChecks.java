package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.ReceivedDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Every entity's final state equals its source. Products (with matrices, prices, stock) and linked customers are
 * compared by the drift comparison the gateway runs ({@code POST /ops/drift}, then the latest report): the one
 * comparison the project has, following the catalog sync's rules, rather than a second one here. What drift does
 * not cover is compared directly: RE's price groups as Magento customer groups, RE's attribute options as options
 * of the mapped Magento attributes, and the order loop (drift skips orders younger than an hour): every Magento
 * order in RE, every Magento invoice paid into RE, every RE payment invoiced and every RE fulfilment shipped in
 * Magento, every shopper created in RE.
 */
final class FinalStateChecks {

    /** RE price groups (id, name, type) as the simulator holds them, and each RE attribute's options with labels. */
    private static final List<String> CUSTOMER_GROUPS = List.of("VIP (Fixed)", "Bronze (Standard)", "Silver (Standard)",
            "Gold (Standard)", "Staff (Fixed)", "Wholesale (Fixed)");
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "manufacturer", List.of("Acme", "Billabong", "Rip Curl", "Quiksilver", "Mambo", "Hurley"),
            "color", List.of("Black", "White", "Navy", "Red"),
            "size", List.of("S", "M", "L"),
            "season", List.of("Summer 2017", "Winter 2017"),
            "skylink_product_type", List.of("Apparel", "Accessories"));

    private final ChaosTargets targets;
    private final Gateways gateways;
    private final DriveLog driven;

    FinalStateChecks(ChaosTargets targets, Gateways gateways, DriveLog driven) {
        this.targets = targets;
        this.gateways = gateways;
        this.driven = driven;
    }

    /** Products and customers through drift; {@code refused} (TYPE:id) are left out, as their source is refused. */
    ChaosReport.Check drift(Set<String> refused, Duration wait) {
        Instant asked = Instant.now().minusSeconds(1);
        Instant giveUp = Instant.now().plus(wait);
        JsonNode report = null;
        Instant posted = null;
        while (Instant.now().isBefore(giveUp) && report == null) {
            try {
                // Asked again when no report came within 90 s: the replica running it may have been killed.
                if (posted == null || Instant.now().isAfter(posted.plusSeconds(90))) {
                    posted = Instant.now();
                    gateways.post("/ops/drift", Map.of("scope", "all"));
                }
                JsonNode latest = gateways.get("/ops/drift/reports/latest");
                if (latest.hasNonNull("finishedAt") && latest.hasNonNull("startedAt")
                        && Instant.parse(latest.get("startedAt").asString()).isAfter(asked)) {
                    report = latest;
                }
            } catch (Gateways.Refused e) {
                // 404 before the first report, 409 while a comparison runs on that replica: read again
            } catch (IllegalStateException noGateway) {
                posted = null; // no replica answered within the gateways' deadline: ask again
            }
            if (report == null) {
                Gateways.sleep(Duration.ofSeconds(2));
            }
        }
        if (report == null) {
            return new ChaosReport.Check("final state: products and customers (drift)", "0 differences", "no report",
                    false, List.of("no drift report finished within " + wait));
        }
        List<String> violations = new ArrayList<>();
        int excused = 0;
        for (JsonNode item : report.path("items")) {
            String entity = item.path("entity").asString();
            String key = ("configurable".equals(entity) ? "product" : entity).toUpperCase(java.util.Locale.ROOT) + ":"
                    + item.path("entityId").asString();
            if (refused.contains(key)) {
                excused++;
                continue;
            }
            violations.add(item.path("category").asString() + " " + entity + " " + item.path("entityId").asString()
                    + " (Magento " + item.path("magentoId").asString("-") + "): " + item.path("fields").asString()
                    + " RE[" + item.path("retailExpress").asString() + "] Magento[" + item.path("magento").asString() + "]");
        }
        if (!report.path("complete").asBoolean(false)) {
            violations.add("drift report incomplete: " + report.path("note").asString());
        }
        JsonNode compared = report.path("compared");
        return new ChaosReport.Check("final state: products and customers (drift)", "0 differences",
                violations.size() + " (compared " + compared.path("PRODUCTS").asInt() + " products, "
                        + compared.path("CUSTOMERS").asInt() + " customers; " + excused + " of refused entities)",
                violations.isEmpty(), QuarantineCheck.cap(violations));
    }

    ChaosReport.Check priceGroupsAndOptions() {
        List<String> violations = new ArrayList<>();
        Map<String, Long> groups = targets.magento().customerGroups().stream()
                .collect(Collectors.groupingBy(g -> g.path("code").asString(), Collectors.counting()));
        CUSTOMER_GROUPS.forEach(name -> {
            long count = groups.getOrDefault(name, 0L);
            if (count != 1) {
                violations.add("customer group '" + name + "': " + count + " in Magento");
            }
        });
        OPTIONS.forEach((attribute, labels) -> {
            List<String> present = targets.magento().productAttribute(attribute).stream()
                    .flatMap(a -> a.path("options").valueStream()).map(o -> o.path("label").asString()).toList();
            labels.forEach(label -> {
                long count = present.stream().filter(label::equals).count();
                if (count != 1) {
                    violations.add("option '" + label + "' of " + attribute + ": " + count + " in Magento");
                }
            });
        });
        int expected = CUSTOMER_GROUPS.size() + OPTIONS.values().stream().mapToInt(List::size).sum();
        return new ChaosReport.Check("final state: price groups and attribute options", expected + " once each",
                (expected - violations.size()) + " once each", violations.isEmpty(), violations);
    }

    /**
     * {@code parked}: Magento orders whose push was parked (outcome unknown after a kill): not counted missing, as the
     * system rightly waits for an operator; the row says how many there are and how many of them RE did receive.
     */
    ChaosReport.Check orderLoop(Set<Long> parked) {
        List<String> violations = new ArrayList<>();
        Map<Long, JsonNode> orders = targets.magento().orders().stream()
                .collect(Collectors.toMap(o -> o.get("entity_id").asLong(), o -> o));
        Map<String, String> reOrders = targets.retailExpress().orderDocuments().stream().filter(d -> d.orderId() != null)
                .collect(Collectors.toMap(ReceivedDocument::orderId, ReceivedDocument::xml, (a, b) -> a));
        Map<String, String> payments = targets.retailExpress().paymentDocuments().stream()
                .collect(Collectors.toMap(d -> field(d.xml(), "OrderId"), ReceivedDocument::xml, (a, b) -> a));
        Map<String, JsonNode> invoices = targets.magento().invoices().stream()
                .collect(Collectors.toMap(i -> i.path("order_id").asString(), i -> i, (a, b) -> a));
        Set<String> shipped = targets.magento().shipments().stream().filter(s -> DuplicateChecks.batch(s).isPresent())
                .map(s -> s.path("order_id").asString()).collect(Collectors.toSet());
        Set<Long> parkedReceived = targets.retailExpress().orderDocuments().stream()
                .map(d -> DuplicateChecks.first(DuplicateChecks.MAGENTO_ORDER, d.xml())).flatMap(java.util.Optional::stream)
                .map(Long::valueOf).filter(parked::contains).collect(Collectors.toSet());
        driven.magentoOrders.forEach((id, planned) -> {
            if (parked.contains(id) && java.util.Optional.ofNullable(orders.get(id)).flatMap(Shop::reOrderId).isEmpty()) {
                return; // parked: an operator checks RE (the parked-writes row proves a kill caused it)
            }
            String reId = java.util.Optional.ofNullable(orders.get(id)).flatMap(Shop::reOrderId).orElse(null);
            if (reId == null || !reOrders.containsKey(reId)) {
                violations.add("Magento order " + id + ": not in RE" + (reId == null ? "" : " (links " + reId + ", which RE did not create)"));
                return;
            }
            violations.addAll(contentDifferences(id, orders.get(id), reId, reOrders.get(reId)));
            JsonNode invoice = invoices.get(String.valueOf(id));
            if (planned.invoiceInMagento() && !payments.containsKey(reId)) {
                violations.add("Magento order " + id + ": its invoice was not paid into RE order " + reId);
            } else if (planned.invoiceInMagento() && invoice != null
                    && !same(field(payments.get(reId), "Amount"), invoice.path("grand_total").asString())) {
                violations.add("Magento order " + id + ": RE payment " + field(payments.get(reId), "Amount") + " for invoice of "
                        + invoice.path("grand_total").asString());
            }
            if (driven.paidInRetailExpress.contains(reId) && invoice == null) {
                violations.add("Magento order " + id + ": paid in RE (" + reId + ") but not invoiced in Magento");
            }
            if (driven.fulfilledInRetailExpress.contains(reId) && !shipped.contains(String.valueOf(id))) {
                violations.add("Magento order " + id + ": fulfilled in RE (" + reId + ") but not shipped in Magento");
            }
        });
        Map<Integer, String> createdInRe = targets.retailExpress().createdCustomers();
        driven.nativeCustomers.forEach((index, magentoId) -> {
            String link = targets.magento().customers().stream().filter(c -> c.get("id").asLong() == magentoId).findFirst()
                    .flatMap(Shop::reCustomerId).orElse(null);
            if (link == null || !createdInRe.containsKey(Integer.valueOf(link))) {
                violations.add("Magento customer " + magentoId + ": not created in RE" + (link == null ? "" : " (links " + link + ")"));
            }
        });
        return new ChaosReport.Check("final state: orders, payments, invoices, shipments, shoppers", "0 missing",
                violations.size() + " missing of " + driven.magentoOrders.size() + " orders, " + driven.nativeCustomers.size()
                        + " shoppers" + (parked.isEmpty() ? "" : "; " + parked.size() + " orders parked after a kill ("
                        + parkedReceived.size() + " of them received by RE, once each)"),
                violations.isEmpty(), QuarantineCheck.cap(violations));
    }

    /** The RE order as sent equals the Magento order: its total, and its line's RE product and quantity. */
    private List<String> contentDifferences(long id, JsonNode order, String reId, String xml) {
        List<String> differences = new ArrayList<>();
        if (!same(field(xml, "OrderTotal"), order.path("grand_total").asString())) {
            differences.add("Magento order " + id + ": RE order " + reId + " total " + field(xml, "OrderTotal") + ", Magento "
                    + order.path("grand_total").asString());
        }
        JsonNode item = order.path("items").path(0);
        String productId = targets.magento().product(item.path("sku").asString())
                .flatMap(p -> Shop.attribute(p, "skylink_product_id")).orElse("?");
        if (!productId.equals(field(xml, "ProductId")) || !same(field(xml, "QtyOrdered"), item.path("qty_ordered").asString())) {
            differences.add("Magento order " + id + ": RE order " + reId + " has product " + field(xml, "ProductId") + " x "
                    + field(xml, "QtyOrdered") + ", Magento " + productId + " x " + item.path("qty_ordered").asString());
        }
        return differences;
    }

    private static String field(String xml, String element) {
        return DuplicateChecks.first(java.util.regex.Pattern.compile("<" + element + ">\\s*([^<\\s]+)\\s*</" + element + ">"), xml)
                .orElse("");
    }

    private static boolean same(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
