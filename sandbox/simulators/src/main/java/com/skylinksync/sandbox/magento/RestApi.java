package com.skylinksync.sandbox.magento;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Magento's {@code /rest} web API for the routes SkyLink uses: latency and injected failures first, then the bearer
 * token, then the route. Every request is journaled with the status it got.
 */
final class RestApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RestApi.class);
    // Magento accepts an optional store code between /rest and /V1 (/rest/default/V1/..., /rest/all/V1/...).
    private static final Pattern ROUTE = Pattern.compile("^/rest(?:/[A-Za-z0-9_]+)?/V1/(.+?)/?$");
    private static final Pattern CUSTOMER = Pattern.compile("^customers/([^/]+)$");
    private static final Pattern GROUP = Pattern.compile("^customerGroups/(\\d+)$");
    private static final Pattern COUNTRY = Pattern.compile("^directory/countries/([^/]+)$");

    private final CustomerStore customers;
    private final CustomerGroupStore groups;
    private final CountryDirectory directory;
    private final FaultPlan faults;
    private final RequestJournal journal;
    private final String accessToken;
    private final ObjectMapper json;
    private final Clock clock;

    RestApi(CustomerStore customers, CustomerGroupStore groups, CountryDirectory directory, FaultPlan faults, RequestJournal journal,
            String accessToken, ObjectMapper json, Clock clock) {
        this.customers = customers;
        this.groups = groups;
        this.directory = directory;
        this.faults = faults;
        this.journal = journal;
        this.accessToken = accessToken;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant at = clock.instant();
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        Reply reply;
        // Read up front so the journal can keep what was sent (tests check the order of writes per customer).
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            reply = answer(method, uri, exchange.getRequestHeaders().getFirst("Authorization"), requestBody);
        } catch (MagentoFault fault) {
            reply = new Reply(fault.status(), fault.body());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            reply = new Reply(503, MagentoFault.of(503, "The simulator is shutting down.").body());
        } catch (RuntimeException bug) {
            log.error("Magento simulator failed on {} {}", method, uri.getPath(), bug);
            reply = new Reply(500, MagentoFault.of(500, "Internal Error. Details are available in Magento log file.").body());
        }
        // Journaled before the reply leaves, so a client that has its answer also sees it in requests().
        journal.record(new MagentoSimulator.Request(at, method,
                uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()), reply.status(),
                requestBody.isEmpty() ? null : requestBody));
        try (exchange) {
            reply.send(exchange, json);
        }
    }

    private Reply answer(String method, URI uri, String authorization, String requestBody) throws InterruptedException {
        Duration latency = faults.latency();
        if (latency.isPositive()) {
            Thread.sleep(latency); // the simulated network and PHP time, not a wait for a condition
        }
        OptionalInt failure = faults.takeFailure();
        if (failure.isPresent()) {
            throw MagentoFault.positional(failure.getAsInt(), "Simulated failure: HTTP %1.",
                    List.of(Integer.toString(failure.getAsInt())));
        }
        if (authorization == null || !authorization.equals("Bearer " + accessToken)) {
            throw MagentoFault.unauthorized();
        }
        Matcher route = ROUTE.matcher(uri.getPath());
        if (!route.matches()) {
            throw MagentoFault.noRoute();
        }
        String resource = route.group(1);
        Matcher customer = CUSTOMER.matcher(resource);
        Matcher country = COUNTRY.matcher(resource);
        if (resource.equals("customers") && method.equals("POST")) {
            return new Reply(200, customers.create(body(requestBody).get("customer")));
        }
        if (resource.equals("customers/search") && method.equals("GET")) {
            return new Reply(200, search(SearchCriteria.parse(uri.getRawQuery())));
        }
        if (customer.matches() && method.equals("GET")) {
            long id = customerId(customer.group(1));
            return new Reply(200, customers.get(id)
                    .orElseThrow(() -> MagentoFault.noSuchEntity("customerId", Long.toString(id))));
        }
        if (customer.matches() && method.equals("PUT")) {
            return new Reply(200, customers.replace(customerId(customer.group(1)), body(requestBody).get("customer")));
        }
        Matcher group = GROUP.matcher(resource);
        if (resource.equals("customerGroups") && method.equals("POST")) {
            return new Reply(200, groups.create(body(requestBody).get("group")));
        }
        if (resource.equals("customerGroups/search") && method.equals("GET")) {
            return new Reply(200, page(groups.search(SearchCriteria.parse(uri.getRawQuery())), SearchCriteria.parse(uri.getRawQuery())));
        }
        if (group.matches() && method.equals("GET")) {
            int id = Integer.parseInt(group.group(1));
            return new Reply(200, groups.get(id).orElseThrow(() -> MagentoFault.noSuchEntity("id", Integer.toString(id))));
        }
        if (group.matches() && method.equals("PUT")) {
            return new Reply(200, groups.replace(Integer.parseInt(group.group(1)), body(requestBody).get("group")));
        }
        if (country.matches() && method.equals("GET")) {
            return new Reply(200, country(country.group(1)));
        }
        throw MagentoFault.noRoute();
    }

    private ObjectNode search(SearchCriteria criteria) {
        return page(customers.search(criteria), criteria);
    }

    private ObjectNode page(List<ObjectNode> matches, SearchCriteria criteria) {
        int pageSize = criteria.pageSize() == null ? Math.max(matches.size(), 1) : criteria.pageSize();
        int page = criteria.currentPage() == null ? 1 : criteria.currentPage();
        ObjectNode result = json.createObjectNode();
        var items = result.putArray("items");
        matches.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(items::add);
        result.set("search_criteria", criteria.toJson());
        result.put("total_count", matches.size());
        return result;
    }

    private ObjectNode country(String countryId) {
        var country = directory.country(countryId)
                .orElseThrow(() -> MagentoFault.noSuchEntity("countryId", countryId));
        ObjectNode answer = json.createObjectNode();
        answer.put("id", country.id());
        answer.put("two_letter_abbreviation", country.id());
        answer.put("three_letter_abbreviation", country.iso3());
        answer.put("full_name_locale", country.name());
        answer.put("full_name_english", country.name());
        if (!country.regions().isEmpty()) {
            // Magento types region ids as strings here.
            var regions = answer.putArray("available_regions");
            country.regions().forEach(region -> regions.addObject()
                    .put("id", Integer.toString(region.id())).put("code", region.code()).put("name", region.name()));
        }
        return answer;
    }

    private JsonNode body(String requestBody) {
        try {
            JsonNode body = json.readTree(requestBody);
            if (body == null || !body.isObject()) {
                throw MagentoFault.of(400, "Decoding error.");
            }
            return body;
        } catch (JacksonException malformed) {
            throw MagentoFault.of(400, "Decoding error.");
        }
    }

    private static long customerId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnId) {
            throw MagentoFault.noSuchEntity("customerId", text);
        }
    }
}
