package com.skylinksync.sandbox.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator.Call;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator on the wire: hand-written SOAP 1.2 envelopes over HTTP, as any RE client would send them. */
class RetailExpressSimulatorTest {

    private RetailExpressSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();

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
    void defaultsAreTheSandboxCredentials() {
        var defaults = RetailExpressSimulator.Options.defaults();

        assertThat(defaults.port()).isEqualTo(8082);
        assertThat(defaults.clientId()).isEqualTo(UUID.fromString("6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d"));
        assertThat(defaults.username()).isEqualTo("skylink");
        assertThat(defaults.password()).isEqualTo("sandbox-secret");
        assertThat(defaults.toString()).doesNotContain("sandbox-secret");
        assertThat(simulator.soapEndpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+/re/ecommerce\\.svc");
        assertThat(simulator.adminUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/sandbox");
    }

    @Test
    void servesCustomer300000WithRetailExpressQuirks() throws Exception {
        Document reply = call(validHeader(), "<re:GetCustomers><re:CustomerIds><re:int>300000</re:int>"
                + "<re:int>999</re:int></re:CustomerIds></re:GetCustomers>");

        List<Element> customers = elements(reply, "Customer");
        assertThat(customers).hasSize(1);
        Element joey = customers.getFirst();
        assertThat(text(joey, "CustomerId")).isEqualTo("300000");
        assertThat(text(joey, "BillFirstName")).isEqualTo("Joey");
        assertThat(text(joey, "BillEmail")).isEqualTo("joe@testing.com");
        assertThat(text(joey, "BillPostCode")).isEqualTo("4000" + " ".repeat(26));
        assertThat(text(joey, "BillCountry")).isEqualTo("Australia");
        assertThat(text(joey, "DelName")).isEqualTo("Joey Bloggs");
        assertThat(text(joey, "ReceivesNews")).isEqualTo("1");
        assertThat(text(joey, "PriceGroupId")).isEqualTo("2");
        assertThat(text(joey, "LoyaltyPointsAvailable")).isEqualTo("0");
        Element fax = elements(reply, "BillFax").getFirst();
        assertThat(fax.hasChildNodes()).isFalse(); // <BillFax/>, an empty element rather than a missing one
        assertThat(elements(reply, "Response").getFirst().getParentNode().getLocalName())
                .isEqualTo("GetCustomersResult");
    }

    @Test
    void listsCustomerIds() throws Exception {
        Document reply = call(validHeader(), "<re:GetCustomerIds><re:OnlyCustomersForExport>true"
                + "</re:OnlyCustomersForExport><re:OnlyCustomersWithEmails>true</re:OnlyCustomersWithEmails>"
                + "</re:GetCustomerIds>");

        assertThat(elements(reply, "CustomerId")).extracting(Element::getTextContent)
                .containsExactly("300000", "300001");
    }

    @Test
    void createsThenUpdatesACustomerFromCustomerXml() throws Exception {
        String created = customerCreateUpdate("<Customers><Customer><Password>hello123</Password>"
                + "<BillFirstName>Ben</BillFirstName><BillLastName>Corlett</BillLastName>"
                + "<BillPostCode>2000</BillPostCode><BillEmail>ben@example.com</BillEmail><ReceivesNews>1</ReceivesNews>"
                + "<ExportToWSI>1</ExportToWSI></Customer></Customers>");
        assertThat(created).isEqualTo("300100|Success");

        String updated = customerCreateUpdate("<Customers><Customer><CustomerId>300100</CustomerId>"
                + "<BillFirstName>Benjamin</BillFirstName><ReceivesNews></ReceivesNews></Customer></Customers>");
        assertThat(updated).isEqualTo("300100|Success");

        Element ben = elements(call(validHeader(), "<re:GetCustomers><re:CustomerIds><re:int>300100</re:int>"
                + "</re:CustomerIds></re:GetCustomers>"), "Customer").getFirst();
        assertThat(text(ben, "BillFirstName")).isEqualTo("Benjamin");
        assertThat(text(ben, "BillLastName")).isEqualTo("Corlett");
        assertThat(text(ben, "BillPostCode")).hasSize(30).startsWith("2000");
        assertThat(text(ben, "ReceivesNews")).isEqualTo("0");
        assertThat(elements(call(validHeader(), "<re:GetCustomers><re:CustomerIds><re:int>300100</re:int>"
                + "</re:CustomerIds></re:GetCustomers>"), "Password")).isEmpty();
    }

    @Test
    void failsAnUpdateOfAnUnknownCustomerAndReportsUnreadableXml() throws Exception {
        assertThat(customerCreateUpdate("<Customers><Customer><CustomerId>999</CustomerId></Customer></Customers>"))
                .isEqualTo("999|Fail");

        Document reply = call(validHeader(), "<re:CustomerCreateUpdate><re:CustomerXML>&lt;Customers&gt;"
                + "</re:CustomerXML></re:CustomerCreateUpdate>");
        assertThat(elements(reply, "Error")).singleElement().extracting(Element::getTextContent)
                .asString().contains("not well-formed");
    }

    @Test
    void recordsEveryAcknowledgementInOrder() throws Exception {
        for (String id : List.of("cs-1", "cs-2", "cs-1")) {
            Document reply = call(validHeader(),
                    "<re:ChangeSetProcessed><re:ChangesetId>" + id + "</re:ChangesetId></re:ChangeSetProcessed>");
            assertThat(elements(reply, "Result")).singleElement().extracting(Element::getTextContent)
                    .isEqualTo("Success");
        }

        assertThat(simulator.processedChangeSets()).containsExactly("cs-1", "cs-2", "cs-1");
    }

    @Test
    void servesSixPriceGroupsWithRetailExpressTypeNames() throws Exception {
        Document reply = call(validHeader(), "<re:GetAllPriceGroups/>");

        List<Element> groups = elements(reply, "PriceGroup");
        assertThat(groups).hasSize(6);
        assertThat(text(groups.getFirst(), "Name")).isEqualTo("VIP");
        assertThat(text(groups.getFirst(), "PriceGroupType")).isEqualTo("Fixed");
    }

    @Test
    void servesOrderPaymentsWithThePaymentInsidePaymentQuirk() throws Exception {
        Document reply = call(validHeader(), "<re:GetOrder><re:OrderId>16-00000001</re:OrderId></re:GetOrder>");

        List<Element> records = elements(reply, "Payment").stream()
                .filter(e -> text(e, "OrderPaymentId") != null).toList();
        assertThat(records).extracting(e -> text(e, "Payment")).containsExactly("9.95", "20.00");
        assertThat(elements(reply, "FulfillmentID")).singleElement().extracting(Element::getTextContent)
                .isEqualTo("77");
    }

    @Test
    void unknownOrderIsAnEmptyResponse() throws Exception {
        Document reply = call(validHeader(), "<re:GetOrder><re:OrderId>16-99999999</re:OrderId></re:GetOrder>");

        assertThat(elements(reply, "Order")).isEmpty();
        assertThat(elements(reply, "Error")).isEmpty();
    }

    @Test
    void rejectsAnUnknownClientIdWithRetailExpressWords() throws Exception {
        HttpResponse<String> reply = post(header(UUID.randomUUID().toString(), "skylink", "sandbox-secret"),
                "<re:GetCustomers><re:CustomerIds><re:int>300000</re:int></re:CustomerIds></re:GetCustomers>");

        assertThat(faultReason(reply)).isEqualTo("The client ID provided is not valid");
        assertThat(reply.body()).doesNotContain("Joey");
        assertThat(simulator.calls()).singleElement().isEqualTo(new Call(simulator.calls().getFirst().at(),
                "GetCustomers", List.of("300000"), true));
    }

    @Test
    void rejectsAMissingHeaderAsAnInvalidClientId() throws Exception {
        assertThat(faultReason(post("", "<re:GetAllPriceGroups/>"))).isEqualTo("The client ID provided is not valid");
    }

    @Test
    void rejectsWrongCredentials() throws Exception {
        String clientId = simulator.clientId().toString();

        assertThat(faultReason(post(header(clientId, "skylink", "wrong"), "<re:GetAllPriceGroups/>")))
                .isEqualTo("Authentication failed: invalid username or password");
        assertThat(faultReason(post(header(clientId, "someone", "sandbox-secret"), "<re:GetAllPriceGroups/>")))
                .isEqualTo("Authentication failed: invalid username or password");
        assertThat(simulator.calls()).hasSize(2).allMatch(Call::rejected);
    }

    @Test
    void servesTheJournalAndAcknowledgementsAsJson() throws Exception {
        call(header(UUID.randomUUID().toString(), "x", "y"), "<re:GetAllPriceGroups/>");
        call(validHeader(), "<re:ChangeSetProcessed><re:ChangesetId>cs-9</re:ChangesetId></re:ChangeSetProcessed>");
        JsonMapper json = JsonMapper.builder().build();

        JsonNode journal = json.readTree(get("/journal"));
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).get("operation").asString()).isEqualTo("GetAllPriceGroups");
        assertThat(journal.get(0).get("rejected").asBoolean()).isTrue();
        assertThat(journal.get(1).get("ids").get(0).asString()).isEqualTo("cs-9");
        assertThat(journal.get(1).get("at").asString()).isNotBlank();
        assertThat(json.readTree(get("/acknowledgements")).get(0).asString()).isEqualTo("cs-9");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                simulator.adminUri().resolve("/sandbox/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private String customerCreateUpdate(String customerXml) throws Exception {
        String escaped = customerXml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Element customer = elements(call(validHeader(), "<re:CustomerCreateUpdate><re:CustomerXML>" + escaped
                + "</re:CustomerXML></re:CustomerCreateUpdate>"), "Customer").getFirst();
        return text(customer, "CustomerId") + "|" + text(customer, "Result");
    }

    private String validHeader() {
        return header(simulator.clientId().toString(), simulator.username(), simulator.password());
    }

    private static String header(String clientId, String username, String password) {
        return "<re:ClientHeader><re:ClientID>" + clientId + "</re:ClientID><re:UserName>" + username
                + "</re:UserName><re:Password>" + password + "</re:Password></re:ClientHeader>";
    }

    private Document call(String header, String body) throws Exception {
        HttpResponse<String> reply = post(header, body);
        return parse(reply.body());
    }

    private HttpResponse<String> post(String header, String body) throws Exception {
        String envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:re=\"http://retailexpress.com.au/\"><env:Header>" + header + "</env:Header><env:Body>"
                + body + "</env:Body></env:Envelope>";
        return http.send(HttpRequest.newBuilder(simulator.soapEndpoint())
                        .header("Content-Type", "application/soap+xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                simulator.adminUri().resolve("/sandbox" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("application/json");
        return reply.body();
    }

    private static String faultReason(HttpResponse<String> reply) throws Exception {
        assertThat(reply.statusCode()).isBetween(400, 599);
        Document fault = parse(reply.body());
        assertThat(fault.getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Fault").getLength())
                .isEqualTo(1);
        return fault.getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Text").item(0)
                .getTextContent();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Document document, String name) {
        var nodes = document.getElementsByTagNameNS("*", name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
