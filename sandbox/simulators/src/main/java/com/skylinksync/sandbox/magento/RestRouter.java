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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Magento's {@code /rest} front controller for the routes the simulated store has. In order: injected latency and
 * failures (the network and the store's health, not Magento's logic), the store code in the path, the route, the ACL,
 * then the route's resource. Every request is journaled with the status it got.
 */
final class RestRouter implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RestRouter.class);
    private final List<Route> routes;
    // M/Store: the store views' codes (a fresh install has "default"); "all" is the admin scope (code "admin").
    private final Predicate<String> isStoreCode;
    private final FaultPlan faults;
    private final RequestJournal journal;
    private final String accessToken;
    private final ObjectMapper json;
    private final Clock clock;

    RestRouter(List<Route> routes, Predicate<String> isStoreCode, FaultPlan faults, RequestJournal journal,
               String accessToken, ObjectMapper json, Clock clock) {
        this.routes = List.copyOf(routes);
        this.isStoreCode = isStoreCode;
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
        // Read up front so the journal can keep what was sent (tests check the order of writes per customer).
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply;
        try {
            reply = answer(method, uri, exchange.getRequestHeaders().getFirst("Authorization"), requestBody);
        } catch (MagentoFault fault) {
            reply = Reply.of(fault);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            reply = Reply.maintenance();
        } catch (RuntimeException bug) {
            // FW/Webapi/ErrorProcessor::maskException: anything that is not a LocalizedException is masked.
            String reportId = reportId(clock.instant());
            log.error("Magento simulator failed on {} {} (report {})", method, uri.getPath(), reportId, bug);
            reply = Reply.of(MagentoFault.internalError(reportId));
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
        OptionalInt failure = faults.takeFailure(method);
        if (failure.isPresent()) {
            return injected(failure.getAsInt());
        }
        List<String> segments = List.of(uri.getPath().replaceAll("^/+|/+$", "").split("/+"));
        // M/Webapi/Controller/PathProcessor::process: a first segment that is a store code selects the store;
        // anything else stays part of the path, so an unknown store code ends as "no route".
        int v1 = segments.size() > 2 && (segments.get(1).equals("all") || isStoreCode.test(segments.get(1))) ? 2 : 1;
        String store = v1 == 2 ? segments.get(1) : "default";
        if (segments.size() <= v1 || !segments.get(v1).equals("V1")) {
            throw MagentoFault.noRoute();
        }
        // M/Webapi/Controller/Rest/RequestValidator::validateRequest, before the route is matched.
        if (method.equals("GET") && store.equals("all")) {
            throw MagentoFault.of(400, "Cannot perform GET operation with store code 'all'");
        }
        String path = String.join("/", segments.subList(v1 + 1, segments.size()));
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(method.toUpperCase(Locale.ROOT), path);
            if (parameters.isEmpty()) {
                continue;
            }
            // RequestValidator::checkPermissions: the route is matched first, then its ACL resource is checked. A
            // request without the token (or with a wrong one) is a guest's: it reaches anonymous routes only.
            boolean authenticated = authorization != null && authorization.equals("Bearer " + accessToken);
            if (!authenticated && !route.resource().equals(Route.ANONYMOUS)) {
                throw MagentoFault.unauthorized(route.resource());
            }
            return route.handler().handle(new Route.Call(parameters.get(), uri.getRawQuery(), requestBody, authenticated,
                    store));
        }
        // M/Webapi/Controller/Rest/Router::match: also a known path with another method.
        throw MagentoFault.noRoute();
    }

    /**
     * An injected failure as it would reach a client: 500 is Magento's masked internal error, 503 its maintenance page;
     * other statuses stand for a proxy or gateway in front of the store and carry a plain Magento-shaped message.
     */
    private Reply injected(int status) {
        return switch (status) {
            case 500 -> Reply.of(MagentoFault.internalError(reportId(clock.instant())));
            case 503 -> Reply.maintenance();
            default -> Reply.of(MagentoFault.positional(status, "Simulated failure: HTTP %1.", Integer.toString(status)));
        };
    }

    /** ErrorProcessor::_critical's {@code uniqid("webapi-")}: seconds and microseconds in hex, 8 + 5 digits. */
    static String reportId(Instant at) {
        return "webapi-%08x%05x".formatted(at.getEpochSecond(), at.getNano() / 1_000);
    }
}
