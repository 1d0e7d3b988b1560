package com.skylinksync.sandbox.magento;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-memory Magento 2 store speaking the REST API SkyLink uses (customers, customer search, country regions),
 * validating and failing the way Magento does. Plain JDK HTTP server and Jackson, so it starts in milliseconds
 * inside any test; state lives as long as the instance.
 *
 * <p>Endpoints (bearer token required): {@code POST /rest/V1/customers}, {@code GET|PUT /rest/V1/customers/{id}},
 * {@code GET /rest/V1/customers/search}, {@code GET /rest/V1/directory/countries/{id}},
 * {@code GET /rest/V1/customerGroups/search}, {@code POST /rest/V1/customerGroups}, {@code GET|PUT /rest/V1/customerGroups/{id}}.
 * Unauthenticated, read-only: {@code GET /sandbox/customers}, {@code GET /sandbox/requests}.
 */
public final class MagentoSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MagentoSimulator.class);

    /**
     * @param port        port to listen on, on the loopback interface; 0 takes any free port
     * @param accessToken the integration token every {@code /rest} call must carry as {@code Bearer}
     */
    public record Options(int port, String accessToken) {

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            Objects.requireNonNull(accessToken, "accessToken");
        }

        /** Port 8081 and token {@code sandbox-magento-token}, as the local stack configures its services. */
        public static Options defaults() {
            return new Options(8081, "sandbox-magento-token");
        }

        /** The same options on another port; 0 takes any free port. */
        public Options withPort(int port) {
            return new Options(port, accessToken);
        }

        @Override
        public String toString() {
            return "Options[port=" + port + ", accessToken=****]";
        }
    }

    /**
     * One journaled {@code /rest} request; {@code path} is decoded and carries the query, if any; {@code body} is the
     * request body as sent (null when there was none), so a test can check what was written and in which order.
     */
    public record Request(Instant at, String method, String path, int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String accessToken;
    private final CustomerStore customers;
    private final CustomerGroupStore groups;
    private final RequestJournal journal;
    private final FaultPlan faults;

    private MagentoSimulator(HttpServer server, ExecutorService handlers, String accessToken, CustomerStore customers,
                             CustomerGroupStore groups, RequestJournal journal, FaultPlan faults) {
        this.groups = groups;
        this.server = server;
        this.handlers = handlers;
        this.accessToken = accessToken;
        this.customers = customers;
        this.journal = journal;
        this.faults = faults;
    }

    public static MagentoSimulator start(Options options) {
        Clock clock = Clock.systemUTC();
        JsonMapper json = JsonMapper.builder().build();
        CountryDirectory directory = new CountryDirectory();
        CustomerStore customers = new CustomerStore(new CustomerValidator(directory), directory, clock);
        CustomerGroupStore groups = new CustomerGroupStore();
        RequestJournal journal = new RequestJournal();
        FaultPlan faults = new FaultPlan();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Magento simulator cannot listen on port " + options.port(), e);
        }
        // One virtual thread per exchange: injected latency must not hold up other requests.
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(handlers);
        server.createContext("/rest", new RestApi(customers, groups, directory, faults, journal, options.accessToken(), json, clock));
        server.createContext("/sandbox", new SandboxStateApi(customers, journal, json));
        server.start();
        var simulator = new MagentoSimulator(server, handlers, options.accessToken(), customers, groups, journal, faults);
        log.info("Magento simulator listening at {}", simulator.restBase());
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>/rest}: the base URL a Magento client takes. */
    public URI restBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rest");
    }

    public String accessToken() {
        return accessToken;
    }

    /** Every customer, in id order, as {@code GET /V1/customers/{id}} returns it. */
    public List<JsonNode> customers() {
        return List.copyOf(customers.all());
    }

    /** The customer with this email (ignoring case, as Magento's collation does), on any website. */
    public Optional<JsonNode> customerByEmail(String email) {
        return customers.all().stream()
                .filter(customer -> customer.get("email").asString().toLowerCase(Locale.ROOT)
                        .equals(email.toLowerCase(Locale.ROOT)))
                .map(JsonNode.class::cast)
                .findFirst();
    }

    /** Every customer group, in id order, as {@code GET /V1/customerGroups/{id}} returns it. */
    public List<JsonNode> customerGroups() {
        return List.copyOf(groups.all());
    }

    /** The {@code /rest} requests answered so far, oldest first. */
    public List<Request> requests() {
        return journal.requests();
    }

    /** The next {@code count} {@code /rest} requests answer {@code status} with a Magento error body. */
    public void failNext(int count, int status) {
        faults.failNext(count, status);
    }

    /** Added to every {@code /rest} request from now on; {@link Duration#ZERO} turns it off. */
    public void latency(Duration latency) {
        faults.latency(latency, Duration.ZERO);
    }

    /**
     * Every {@code /rest} request from now on takes {@code latency} plus a random share of {@code jitter}, drawn per
     * request, so concurrent requests finish in an order other than the one they were sent in.
     */
    public void latency(Duration latency, Duration jitter) {
        faults.latency(latency, jitter);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
