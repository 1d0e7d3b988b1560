package com.skylinksync.sandbox.retailexpress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's control endpoints beside {@link AdminApi}, for tests and benchmarks in other processes:
 * <ul>
 * <li>{@code POST /sandbox/budget} {@code {"perSecond":20,"perMinute":300,"perHour":..,"perDay":..}} (omitted: unchanged)</li>
 * <li>{@code POST /sandbox/latency} {@code {"fixedMillis":50,"jitterMillis":100}}</li>
 * <li>{@code POST /sandbox/faults} {@code {"serverErrors":0.1,"timeouts":0.0,"malformed":0.05,"hangMillis":120000,
 *     "throttleNext":3}} (rates are fractions of calls; {@code throttleNext} throttles the next n calls)</li>
 * <li>{@code GET /sandbox/calls}: the journal with outcomes</li>
 * <li>{@code POST /sandbox/customers/{id}} {@code {"BillAddress":"1 New St"}}: change a customer, send its EDS change set</li>
 * <li>{@code POST /sandbox/products/{id}} {@code {"DefaultPrice":"24.95","StockAvailable":"3"}} (optionally
 * {@code "Channels":[1,2]}, and {@code "OnChannel":{"2":{"DefaultPrice":"21.95"}}} for what one channel shows
 * differently): change (or add) a product, send its EDS change set</li>
 * <li>{@code POST /sandbox/changes} {@code {"type":"Product","ids":["124005"]}}: announce a change through EDS</li>
 * <li>{@code GET /sandbox/changesets}: the change sets sent and the gateway's answers</li>
 * </ul>
 * Bad input is answered 400 with the reason as text.
 */
final class ControlApi implements HttpHandler {

    static final List<String> PATHS = List.of("/sandbox/budget", "/sandbox/latency", "/sandbox/faults",
            "/sandbox/calls", "/sandbox/customers/", "/sandbox/products/", "/sandbox/changes", "/sandbox/changesets");

    private final ThrottleWindows windows;
    private final FaultFilter faults;
    private final CallJournal journal;
    private final EntityChanges changes;
    private final EdsNotifier eds;
    private final JsonMapper json = JsonMapper.builder().build();

    ControlApi(ThrottleWindows windows, FaultFilter faults, CallJournal journal, EntityChanges changes, EdsNotifier eds) {
        this.windows = windows;
        this.faults = faults;
        this.journal = journal;
        this.changes = changes;
        this.eds = eds;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                Object answer = switch (method + " " + path) {
                    case "GET /sandbox/calls" -> journal.entries();
                    case "GET /sandbox/changesets" -> eds.sent();
                    case "POST /sandbox/budget" -> budget(read(exchange));
                    case "POST /sandbox/latency" -> latency(read(exchange));
                    case "POST /sandbox/faults" -> faults(read(exchange));
                    case "POST /sandbox/changes" -> changed(read(exchange));
                    default -> !"POST".equals(method) ? null
                            : path.startsWith("/sandbox/customers/") ? customer(path.substring("/sandbox/customers/".length()), read(exchange))
                            : path.startsWith("/sandbox/products/") ? product(path.substring("/sandbox/products/".length()), read(exchange))
                            : null;
                };
                if (answer == null) {
                    send(exchange, 404, "text/plain", "No such sandbox endpoint: " + method + " " + path);
                    return;
                }
                send(exchange, 200, "application/json", json.writeValueAsString(answer));
            } catch (IllegalArgumentException | JacksonException e) {
                send(exchange, 400, "text/plain", e.getMessage());
            }
        }
    }

    private SimulatedBudget budget(JsonNode body) {
        SimulatedBudget now = windows.budget();
        SimulatedBudget next = new SimulatedBudget(intOr(body, "perSecond", now.perSecond()),
                intOr(body, "perMinute", now.perMinute()), intOr(body, "perHour", now.perHour()),
                intOr(body, "perDay", now.perDay()));
        windows.change(next);
        return next;
    }

    private InjectedLatency latency(JsonNode body) {
        InjectedLatency latency = new InjectedLatency(Duration.ofMillis(body.path("fixedMillis").asLong(0)),
                Duration.ofMillis(body.path("jitterMillis").asLong(0)));
        faults.latency(latency);
        return latency;
    }

    private Map<String, Object> faults(JsonNode body) {
        InjectedFaults plan = new InjectedFaults(body.path("serverErrors").asDouble(0), body.path("timeouts").asDouble(0),
                body.path("malformed").asDouble(0), Duration.ofMillis(body.path("hangMillis").asLong(120_000)));
        int throttleNext = body.path("throttleNext").asInt(0);
        if (throttleNext < 0) {
            throw new IllegalArgumentException("throttleNext cannot be negative");
        }
        faults.faults(plan);
        windows.injectThrottles(throttleNext);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("faults", plan);
        answer.put("throttleNext", throttleNext);
        return answer;
    }

    private ChangeSet customer(String id, JsonNode body) {
        int customerId;
        try {
            customerId = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a customer id: " + id);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body.properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString()));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Name at least one RE customer field to change, e.g. BillAddress");
        }
        return changes.changeCustomer(customerId, fields);
    }

    private ChangeSet product(String id, JsonNode body) {
        int productId;
        try {
            productId = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a product id: " + id);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        java.util.Set<Integer> channels = body.has("Channels") ? new java.util.TreeSet<>() : null;
        Map<Integer, Map<String, String>> onChannel = new LinkedHashMap<>();
        body.properties().forEach(field -> {
            if (field.getKey().equals("Channels")) {
                field.getValue().forEach(channel -> channels.add(channel.asInt()));
            } else if (field.getKey().equals("OnChannel")) {
                field.getValue().properties().forEach(channel -> {
                    Map<String, String> own = new LinkedHashMap<>();
                    channel.getValue().properties().forEach(f -> own.put(f.getKey(), f.getValue().asString()));
                    onChannel.put(channelId(channel.getKey()), own);
                });
            } else {
                fields.put(field.getKey(), field.getValue().asString());
            }
        });
        if (fields.isEmpty() && channels == null && onChannel.isEmpty()) {
            throw new IllegalArgumentException("Name at least one RE product field to change, e.g. DefaultPrice, or Channels");
        }
        ChangeSet changed = fields.isEmpty() && channels == null ? null : changes.changeProduct(productId, fields, channels);
        for (Map.Entry<Integer, Map<String, String>> channel : onChannel.entrySet()) {
            changed = changes.changeProductOnChannel(productId, channel.getKey(), channel.getValue());
        }
        return changed;
    }

    private static int channelId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a sales channel id: " + text);
        }
    }

    private ChangeSet changed(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(id -> ids.add(id.asString()));
        return changes.changed(body.path("type").asString(""), ids);
    }

    private JsonNode read(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode node = json.readTree(bytes.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : bytes);
        if (!node.isObject()) {
            throw new IllegalArgumentException("Expected a JSON object");
        }
        return node;
    }

    private static int intOr(JsonNode body, String field, int current) {
        return body.has(field) ? body.get(field).asInt() : current;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
