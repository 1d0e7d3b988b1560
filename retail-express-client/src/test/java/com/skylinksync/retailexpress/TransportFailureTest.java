package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A misbehaving HTTP server in place of RE: every way a call can fail below SOAP, and whether a write's outcome is
 * known afterwards.
 */
class TransportFailureTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);

    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/silent", exchange -> {
            count(exchange);
            awaitRelease(); // never answers within the client's request timeout
            exchange.close();
        });
        server.createContext("/truncated", exchange -> {
            count(exchange);
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("<S:Envelope xmlns:S=".getBytes(StandardCharsets.UTF_8));
            exchange.close(); // the connection ends 980 bytes early
        });
        server.createContext("/garbage", exchange -> {
            count(exchange);
            reply(exchange, 200, "application/soap+xml; charset=utf-8", "this is <not xml");
        });
        server.createContext("/unavailable", exchange -> {
            count(exchange);
            reply(exchange, 503, "text/html", "<html><body>Service Unavailable</body></html>");
        });
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void noAnswerWithinTheTimeoutIsTransientForAReadAndUncertainForAWrite() {
        Clients client = clientFor("/silent");

        assertThatThrownBy(() -> client.customers().getCustomer(300000)).isInstanceOf(RetailExpressException.Transient.class);
        assertThatThrownBy(() -> client.customers().createOrUpdateCustomer(newCustomer()))
                .isInstanceOf(RetailExpressException.Uncertain.class)
                .hasMessageContaining("CustomerCreateUpdate")
                .hasMessageNotContaining("hello123")
                .hasMessageNotContaining("api-secret");
        assertThat(requests.get("/silent")).hasValue(2);
    }

    @Test
    void aConnectionClosedMidAnswerIsTransientForAReadAndUncertainForAWriteSentOnce() {
        Clients client = clientFor("/truncated");

        assertThatThrownBy(() -> client.customers().getCustomers(java.util.List.of(1, 2)))
                .isInstanceOf(RetailExpressException.Transient.class);
        int readAttempts = requests.get("/truncated").get();
        assertThatThrownBy(() -> client.customers().createOrUpdateCustomer(newCustomer()))
                .isInstanceOf(RetailExpressException.Uncertain.class);
        // A write must never be re-sent behind our back: that could register the customer twice.
        assertThat(requests.get("/truncated").get() - readAttempts).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerIsTransientForAReadAndUncertainForAWrite() {
        Clients client = clientFor("/garbage");

        assertThatThrownBy(() -> client.customers().getCustomerIds(true, true)).isInstanceOf(RetailExpressException.Transient.class);
        assertThatThrownBy(() -> client.customers().createOrUpdateCustomer(newCustomer()))
                .isInstanceOf(RetailExpressException.Uncertain.class);
    }

    @Test
    void http503WithoutAFaultIsTransientForAReadAndAnAcknowledgement() {
        Clients client = clientFor("/unavailable");

        assertThatThrownBy(() -> client.customers().getCustomer(1)).isInstanceOf(RetailExpressException.Transient.class);
        assertThatThrownBy(() -> client.acknowledgements().changeSetProcessed("cs-1")).isInstanceOf(RetailExpressException.Transient.class);
    }

    @Test
    void aFencedAcknowledgementWithoutAnAnswerIsUncertainAndOneStoppedBeforeSendingSendsNothing() {
        Clients client = clientFor("/unavailable");
        AtomicInteger fenced = new AtomicInteger();

        assertThatThrownBy(() -> client.acknowledgements().changeSetProcessed("cs-1", fenced::incrementAndGet))
                .isInstanceOf(RetailExpressException.Uncertain.class);
        assertThat(fenced).hasValue(1);
        assertThat(requests.get("/unavailable")).hasValue(1);

        assertThatThrownBy(() -> client.acknowledgements().changeSetProcessed("cs-2", () -> {
            throw new IllegalStateException("claim lost");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(requests.get("/unavailable")).as("nothing sent once the fence refused").hasValue(1);
    }

    @Test
    void aRefusedConnectionIsTransientEvenForAWriteBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Clients client = new Clients(settings(URI.create("http://127.0.0.1:" + closedPort + "/re")));

        assertThatThrownBy(() -> client.customers().createOrUpdateCustomer(newCustomer()))
                .isInstanceOf(RetailExpressException.Transient.class)
                .hasMessageContaining("could not connect");
    }

    private Clients clientFor(String path) {
        return new Clients(settings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)));
    }

    /** The feature clients these failures are tried with, over one transport. */
    private record Clients(RetailExpressCustomers customers, ChangeSetAcknowledgements acknowledgements) {
        Clients(RetailExpressSettings settings) {
            this(new RetailExpressTransport(settings));
        }

        Clients(RetailExpressTransport transport) {
            this(new RetailExpressCustomers(transport), new ChangeSetAcknowledgements(transport));
        }
    }

    private static RetailExpressSettings settings(URI endpoint) {
        return new RetailExpressSettings(endpoint, UUID.randomUUID(), "user", "api-secret", Duration.ofSeconds(1),
                REQUEST_TIMEOUT, false);
    }

    private static CustomerUpdate newCustomer() {
        return new CustomerUpdate(null, "hello123", "new@example.com",
                new Contact("New", "Customer", "", Address.EMPTY, "", ""), Contact.EMPTY, true);
    }

    private void count(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes(); // the whole request arrived: it was sent
        requests.computeIfAbsent(exchange.getHttpContext().getPath(), p -> new AtomicInteger()).incrementAndGet();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
