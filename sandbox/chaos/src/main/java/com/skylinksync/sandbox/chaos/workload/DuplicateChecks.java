package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.ReceivedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The exactly-once effects (DESIGN 6), each counted where it lands: RE orders per Magento order (the private comment
 * {@code Magento order #... (id N)} names it), RE payments per Magento invoice (an order has one invoice here, so per
 * RE order; an order paid in RE must get none), Magento invoices per order, Magento shipments per fulfilment batch
 * (the {@code SkyLink fulfillment batch: <md5>} comment), RE customers created per Magento customer (by email).
 */
final class DuplicateChecks {

    static final Pattern MAGENTO_ORDER = Pattern.compile("Magento order #\\S+ \\(id (\\d+)\\)");
    private static final Pattern ORDER_ID = Pattern.compile("<OrderId>\\s*([^<\\s]+)\\s*</OrderId>");
    private static final Pattern BATCH = Pattern.compile("SkyLink fulfillment batch: (\\w+)");

    private final ChaosTargets targets;
    private final DriveLog driven;

    DuplicateChecks(ChaosTargets targets, DriveLog driven) {
        this.targets = targets;
        this.driven = driven;
    }

    List<ChaosReport.Check> all() {
        return List.of(reOrders(), rePayments(), magentoInvoices(), magentoShipments(), reCustomers());
    }

    ChaosReport.Check reOrders() {
        List<ReceivedDocument> created = targets.retailExpress().orderDocuments().stream().filter(d -> d.orderId() != null).toList();
        Map<String, List<String>> byMagentoOrder = group(created, d -> first(MAGENTO_ORDER, d.xml()).orElse("?"),
                ReceivedDocument::orderId);
        return duplicates("0 duplicate RE orders (per Magento order)", byMagentoOrder, "Magento order ", created.size(), "RE orders");
    }

    ChaosReport.Check rePayments() {
        List<ReceivedDocument> payments = targets.retailExpress().paymentDocuments();
        Map<String, List<String>> byOrder = group(payments, d -> first(ORDER_ID, d.xml()).orElse("?"), d -> d.at().toString());
        List<String> violations = new ArrayList<>();
        byOrder.forEach((order, at) -> {
            if (at.size() > 1) {
                violations.add("RE order " + order + ": " + at.size() + " payments for one Magento invoice");
            } else if (driven.paidInRetailExpress.contains(order)) {
                violations.add("RE order " + order + ": paid in RE, yet its Magento invoice was paid into RE again");
            }
        });
        return new ChaosReport.Check("0 duplicate RE payments (per Magento invoice)", "0", String.valueOf(violations.size())
                + " of " + payments.size() + " payments", violations.isEmpty(), QuarantineCheck.cap(violations));
    }

    ChaosReport.Check magentoInvoices() {
        List<JsonNode> invoices = targets.magento().invoices();
        Map<String, List<String>> byOrder = group(invoices, i -> i.path("order_id").asString(), i -> i.path("entity_id").asString());
        return duplicates("0 duplicate Magento invoices (per order)", byOrder, "Magento order ", invoices.size(), "invoices");
    }

    ChaosReport.Check magentoShipments() {
        List<JsonNode> shipments = targets.magento().shipments().stream().filter(s -> batch(s).isPresent()).toList();
        Map<String, List<String>> byBatch = group(shipments, s -> s.path("order_id").asString() + " batch " + batch(s).orElseThrow(),
                s -> s.path("entity_id").asString());
        return duplicates("0 duplicate Magento shipments (per fulfilment batch)", byBatch, "Magento order ", shipments.size(), "shipments");
    }

    ChaosReport.Check reCustomers() {
        Map<Integer, String> created = targets.retailExpress().createdCustomers();
        Map<String, List<String>> byEmail = group(List.copyOf(created.entrySet()),
                e -> e.getValue().toLowerCase(Locale.ROOT), e -> String.valueOf(e.getKey()));
        return duplicates("0 duplicate RE customers (per Magento customer)", byEmail, "Magento customer ", created.size(), "created");
    }

    private static ChaosReport.Check duplicates(String name, Map<String, List<String>> groups, String what, int total, String of) {
        List<String> violations = new ArrayList<>();
        groups.forEach((key, members) -> {
            if (members.size() > 1) {
                violations.add(what + key + ": " + members.size() + " (" + String.join(", ", members) + ")");
            }
        });
        return new ChaosReport.Check(name, "0", violations.size() + " of " + total + " " + of, violations.isEmpty(),
                QuarantineCheck.cap(violations));
    }

    private static <T> Map<String, List<String>> group(List<T> items, Function<T, String> key, Function<T, String> name) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.mapping(name, Collectors.toList())));
    }

    static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> batch(JsonNode shipment) {
        for (JsonNode comment : shipment.path("comments")) {
            Optional<String> batch = first(BATCH, comment.path("comment").asString());
            if (batch.isPresent()) {
                return batch;
            }
        }
        return Optional.empty();
    }
}
