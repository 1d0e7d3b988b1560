package com.skylinksync.sandbox.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Budget windows, injected latency and faults, and entity changes with their EDS change sets, on the wire. */
class SimulatorControlsTest {

    private static final String GET_CUSTOMERS = "<re:GetCustomers><re:CustomerIds><re:int>300000</re:int>"
            + "</re:CustomerIds></re:GetCustomers>";

    private RetailExpressSimulator simulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        simulator.close();
        http.close();
    }

    @Test
    void enforcesRetailExpressLimitsByDefault() {
        assertThat(simulator.budget()).isEqualTo(new SimulatedBudget(25, 1_200, 30_000, 150_000));
    }

    @Test
    void answersAThrottleFaultPastAWindowAndJournalsIt() throws Exception {
        simulator.budget(SimulatedBudget.retailExpress().withPerSecondAndMinute(1_000, 5));

        for (int i = 0; i < 5; i++) {
            assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = soap(GET_CUSTOMERS);

        assertThat(sixth.statusCode()).isEqualTo(500);
        assertThat(sixth.body()).contains("API throttle limit exceeded");
        List<JournalEntry> journal = simulator.journal();
        assertThat(journal).extracting(JournalEntry::outcome).containsExactly(CallOutcome.OK, CallOutcome.OK,
                CallOutcome.OK, CallOutcome.OK, CallOutcome.OK, CallOutcome.THROTTLED);
        assertThat(journal.getLast().operation()).isEqualTo("GetCustomers");
        assertThat(journal.getLast().ids()).containsExactly("300000");
        assertThat(simulator.calls().getLast().rejected()).isTrue();
    }

    @Test
    void throttledCallsDoNotCountSoTheSecondWindowRecovers() throws Exception {
        simulator.budget(new SimulatedBudget(2, 1_000, 1_000, 1_000));
        soap(GET_CUSTOMERS);
        soap(GET_CUSTOMERS);
        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(500);

        Thread.sleep(1_050); // the measured window: one second after the admitted calls they no longer count

        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
    }

    @Test
    void journalsAnInjectedThrottleApartFromOneEarnedByTheBudget() throws Exception {
        simulator.budget(SimulatedBudget.retailExpress().withPerSecondAndMinute(1_000, 2));
        simulator.throttleNext(1);

        for (int i = 0; i < 4; i++) {
            soap(GET_CUSTOMERS);
        }

        assertThat(simulator.journal()).extracting(JournalEntry::outcome, JournalEntry::injected).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CallOutcome.THROTTLED, true),
                org.assertj.core.groups.Tuple.tuple(CallOutcome.OK, false),
                org.assertj.core.groups.Tuple.tuple(CallOutcome.OK, false),
                org.assertj.core.groups.Tuple.tuple(CallOutcome.THROTTLED, false));
    }

    @Test
    void throttlesTheNextCallsOnDemandThroughTheAdminApi() throws Exception {
        assertThat(post("/sandbox/faults", "{\"throttleNext\":2}").statusCode()).isEqualTo(200);

        assertThat(soap(GET_CUSTOMERS).body()).contains("API throttle limit exceeded");
        assertThat(soap(GET_CUSTOMERS).body()).contains("API throttle limit exceeded");
        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
    }

    @Test
    void changesTheBudgetThroughTheAdminApi() throws Exception {
        HttpResponse<String> reply = post("/sandbox/budget", "{\"perSecond\":20,\"perMinute\":300}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(simulator.budget()).isEqualTo(new SimulatedBudget(20, 300, 30_000, 150_000));
        assertThat(post("/sandbox/budget", "{\"perSecond\":0}").statusCode()).isEqualTo(400);
    }

    @Test
    void injectsServerErrorsMalformedBodiesAndTimeouts() throws Exception {
        simulator.faults(new InjectedFaults(1.0, 0, 0, Duration.ofSeconds(30)));
        HttpResponse<String> unavailable = soap(GET_CUSTOMERS);
        assertThat(unavailable.statusCode()).isEqualTo(503);

        assertThat(post("/sandbox/faults", "{\"malformed\":1.0}").statusCode()).isEqualTo(200);
        HttpResponse<String> malformed = soap(GET_CUSTOMERS);
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).doesNotContain("</s:Envelope>");

        simulator.faults(new InjectedFaults(0, 1.0, 0, Duration.ofMillis(300)));
        long started = System.nanoTime();
        HttpRequest request = envelope(GET_CUSTOMERS).timeout(Duration.ofMillis(150)).build();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> http.send(request, HttpResponse.BodyHandlers.ofString())))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        simulator.faults(InjectedFaults.none());
        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
        assertThat(simulator.journal()).extracting(JournalEntry::outcome).containsExactly(CallOutcome.FAULT,
                CallOutcome.FAULT, CallOutcome.FAULT, CallOutcome.OK);
        assertThat(simulator.journal().getFirst().operation()).isEqualTo("GetCustomers");
    }

    @Test
    void failsTheNextCallsOfOneOperationAndLeavesTheOthersAlone() throws Exception {
        String getOrder = "<re:GetOrder><re:OrderId>16-00000001</re:OrderId></re:GetOrder>";
        simulator.failNext("GetOrder", 2);

        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
        assertThat(soap(getOrder).statusCode()).isEqualTo(503);
        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
        assertThat(soap(getOrder).statusCode()).isEqualTo(503);
        HttpResponse<String> third = soap(getOrder);

        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).contains("16-00000001");
        assertThat(simulator.journal()).extracting(JournalEntry::operation, JournalEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GetCustomers", CallOutcome.OK),
                org.assertj.core.groups.Tuple.tuple("GetOrder", CallOutcome.FAULT),
                org.assertj.core.groups.Tuple.tuple("GetCustomers", CallOutcome.OK),
                org.assertj.core.groups.Tuple.tuple("GetOrder", CallOutcome.FAULT),
                org.assertj.core.groups.Tuple.tuple("GetOrder", CallOutcome.OK));
    }

    @Test
    void addsLatency() throws Exception {
        assertThat(post("/sandbox/latency", "{\"fixedMillis\":200,\"jitterMillis\":100}").statusCode()).isEqualTo(200);

        long started = System.nanoTime();
        assertThat(soap(GET_CUSTOMERS).statusCode()).isEqualTo(200);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        simulator.latency(InjectedLatency.none());
    }

    @Test
    void changingACustomerSendsItsChangeSetToTheGateway() throws Exception {
        var received = new ConcurrentLinkedQueue<String>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/eds/notify", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " key="
                    + exchange.getRequestHeaders().getFirst("x-api-key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        gateway.start();
        try {
            simulator.eds(new EdsTarget(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), "k3y", 1));

            HttpResponse<String> reply = post("/sandbox/customers/300000", "{\"BillAddress\":\"1 New St\"}");
            ChangeSet order = simulator.entitiesChanged("Order", List.of("16-00000001"));

            assertThat(reply.statusCode()).isEqualTo(200);
            JsonNode changeSet = json.readTree(reply.body());
            assertThat(changeSet.get("status").asInt()).isEqualTo(201);
            assertThat(received).hasSize(2);
            assertThat(received.peek()).isEqualTo("PUT /eds/notify?client_id=" + simulator.clientId()
                    + "&channel_id=1 key=k3y {\"Changesets\":[{\"ChangesetId\":\"" + changeSet.get("changeSetId").asString()
                    + "\",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[300000]}]}]}");
            assertThat(received).last().asString().contains("{\"Type\":\"Order\",\"List\":[\"16-00000001\"]}");
            assertThat(order.status()).isEqualTo(201);
            assertThat(simulator.changeSets()).extracting(ChangeSet::type).containsExactly("Customer", "Order");
            assertThat(soap(GET_CUSTOMERS).body()).contains("1 New St");
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    void refusesAChangeToAnUnknownCustomer() throws Exception {
        assertThat(post("/sandbox/customers/999", "{\"BillAddress\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(simulator.changeCustomer(300001, Map.of("BillFirstName", "Sal")).status()).isZero();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.adminUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> soap(String body) throws Exception {
        return http.send(envelope(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder envelope(String body) {
        String header = "<re:ClientHeader><re:ClientID>" + simulator.clientId() + "</re:ClientID><re:UserName>"
                + simulator.username() + "</re:UserName><re:Password>" + simulator.password()
                + "</re:Password></re:ClientHeader>";
        String envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:re=\"http://retailexpress.com.au/\"><env:Header>" + header + "</env:Header><env:Body>"
                + body + "</env:Body></env:Envelope>";
        return HttpRequest.newBuilder(simulator.soapEndpoint())
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
    }
}
