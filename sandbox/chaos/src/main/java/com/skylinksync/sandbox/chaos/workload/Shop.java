package com.skylinksync.sandbox.chaos.workload;

import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import com.skylinksync.sandbox.magento.PlacedOrder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Magento side of the workload: shoppers register (Magento customers RE does not know), orders are placed for
 * products the catalog sync brought into Magento (guests, RE customers synced into Magento, the shoppers), some
 * invoiced at once; customers edit their accounts; then RE answers the orders ({@link RetailExpressAnswers}).
 */
final class Shop {

    static final Pattern RE_ORDER_LINK = Pattern.compile("SkyLink Order ID: #([0-9]+-[0-9]+)");
    private static final PlacedOrder.Address ADDRESS = new PlacedOrder.Address("Chaos", "Buyer", null,
            List.of("1 George St"), "Sydney", "New South Wales", "NSW", "2000", "AU", "02 9000 0000");

    private final WorkloadPlan plan;
    private final ChaosTargets targets;
    private final Gateways gateways;
    private final DriveLog driven;
    private final Driver driver;
    private final MagentoSimulator magento;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    Shop(WorkloadPlan plan, ChaosTargets targets, Gateways gateways, DriveLog driven, Driver driver) {
        this.plan = plan;
        this.targets = targets;
        this.gateways = gateways;
        this.driven = driven;
        this.driver = driver;
        this.magento = targets.magento();
    }

    void run() {
        driver.at(0.1);
        register();
        placeOrders();
        editCustomers();
        new RetailExpressAnswers(targets, driven, driver).run();
    }

    private void register() {
        for (WorkloadPlan.NativeCustomer shopper : plan.nativeCustomers()) {
            ObjectNode address = json.createObjectNode().put("firstname", shopper.firstname()).put("lastname", shopper.lastname())
                    .put("city", "Sydney").put("postcode", "2000").put("country_id", "AU").put("telephone", "02 9000 1234")
                    .put("default_billing", true).put("default_shipping", true);
            address.putArray("street").add(shopper.index() + " Pitt St");
            address.putObject("region").put("region_code", "NSW").put("region", "New South Wales");
            ObjectNode customer = json.createObjectNode().put("email", shopper.email()).put("firstname", shopper.firstname())
                    .put("lastname", shopper.lastname()).put("website_id", 1);
            customer.putArray("addresses").add(address);
            ObjectNode body = json.createObjectNode();
            body.set("customer", customer);
            body.put("password", "Chaos-" + shopper.index() + "-Passw0rd");
            JsonNode created = magentoRest("POST", "/V1/customers", body);
            driven.nativeCustomers.put(shopper.index(), created.get("id").asLong());
        }
    }

    private void placeOrders() {
        List<WorkloadPlan.PlannedOrder> orders = plan.orders();
        for (int i = 0; i < orders.size(); i++) {
            driver.at(0.25 + 0.5 * i / orders.size());
            WorkloadPlan.PlannedOrder order = orders.get(i);
            Optional<String> sku = simpleProduct(order.productPick());
            if (sku.isEmpty()) {
                driven.problem("Magento order " + i + " not placed: no synced simple product in Magento yet");
                continue;
            }
            PlacedOrder.Line line = PlacedOrder.Line.of(sku.get(), order.qty());
            PlacedOrder placed = switch (buyer(order)) {
                case Guest guest -> PlacedOrder.guest("chaos-guest-" + plan.seed() + "-" + i + "@example.com", ADDRESS, line);
                case Registered registered -> PlacedOrder.registered(registered.id(), registered.email(), ADDRESS, line);
            };
            JsonNode result = magento.placeOrder(placed.withPayment("checkmo", order.invoiceInMagento()));
            driven.magentoOrders.put(result.get("entity_id").asLong(), order);
        }
    }

    private sealed interface Who permits Guest, Registered {
    }

    private record Guest() implements Who {
    }

    private record Registered(long id, String email) implements Who {
    }

    /** An RE customer synced into Magento (another synced one if this one is not there), a shopper, or a guest. */
    private Who buyer(WorkloadPlan.PlannedOrder order) {
        return switch (order.buyer()) {
            case GUEST -> new Guest();
            case MAGENTO_CUSTOMER -> Optional.ofNullable(driven.nativeCustomers.get(order.customer()))
                    .<Who>map(id -> new Registered(id, plan.nativeCustomers().get(order.customer()).email()))
                    .orElse(new Guest());
            case RE_CUSTOMER -> {
                List<JsonNode> linked = magento.customers().stream().filter(c -> reCustomerId(c).isPresent()).toList();
                if (linked.isEmpty()) {
                    yield new Guest();
                }
                String wanted = String.valueOf(WorkloadPlan.FIRST_CUSTOMER_ID + order.customer());
                JsonNode customer = linked.stream().filter(c -> reCustomerId(c).orElseThrow().equals(wanted)).findFirst()
                        .orElse(linked.get(order.customer() % linked.size()));
                yield new Registered(customer.get("id").asLong(), customer.get("email").asString());
            }
        };
    }

    /** A simple product the catalog sync created (linked to RE), chosen by {@code pick} among those there now. */
    private Optional<String> simpleProduct(int pick) {
        // The first products reach Magento at the catalog sync's pace: on a loaded machine well after the first order is due.
        Instant giveUp = Instant.now().plus(driver.spread().compareTo(Duration.ofMinutes(3)) > 0 ? driver.spread() : Duration.ofMinutes(3));
        while (true) {
            List<String> skus = magento.products().stream()
                    .filter(p -> "simple".equals(p.path("type_id").asString()) && p.path("sku").asString().endsWith("OSFA"))
                    .filter(p -> attribute(p, "skylink_product_id").isPresent())
                    .map(p -> p.get("sku").asString()).sorted().toList();
            if (!skus.isEmpty()) {
                return Optional.of(skus.get(pick % skus.size()));
            }
            if (Instant.now().isAfter(giveUp)) {
                return Optional.empty();
            }
            Gateways.sleep(Duration.ofMillis(500));
        }
    }

    /** A tenth of the RE customers synced into Magento change their last name in the store (the push takes it to RE). */
    private void editCustomers() {
        driver.at(0.5);
        for (int reId : plan.customerEdits()) {
            magento.customers().stream().filter(c -> reCustomerId(c).filter(String.valueOf(reId)::equals).isPresent())
                    .findFirst().ifPresent(customer -> {
                        ObjectNode edited = (ObjectNode) customer.deepCopy();
                        edited.put("lastname", customer.path("lastname").asString() + "-Edited");
                        ObjectNode body = json.createObjectNode();
                        body.set("customer", edited);
                        magentoRest("PUT", "/V1/customers/" + customer.get("id").asLong(), body);
                    });
        }
    }

    static Optional<String> reOrderId(JsonNode order) {
        for (JsonNode history : order.path("status_histories")) {
            Matcher matcher = RE_ORDER_LINK.matcher(history.path("comment").asString());
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    static Optional<String> reCustomerId(JsonNode customer) {
        return attribute(customer, MagentoSimulator.SKYLINK_CUSTOMER_ID);
    }

    static Optional<String> attribute(JsonNode entity, String code) {
        for (JsonNode attribute : entity.path("custom_attributes")) {
            if (code.equals(attribute.path("attribute_code").asString())) {
                String value = attribute.path("value").asString();
                return value.isBlank() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** A request to Magento's REST API as the store's integration; a 5xx (an injected fault) is sent again. */
    private JsonNode magentoRest(String method, String path, JsonNode body) {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(magento.restBase() + path))
                    .header("Authorization", "Bearer " + magento.accessToken()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .timeout(Duration.ofSeconds(30)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300) {
                    return json.readTree(response.body());
                }
                if (response.statusCode() < 500 || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException(method + " " + path + " failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            Gateways.sleep(Duration.ofMillis(200));
        }
    }


}
