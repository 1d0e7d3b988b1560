package com.skylinksync.sandbox.chaos.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** SOAP calls made straight to the RE simulator, as a misbehaving client would: how the tests make violations. */
final class RetailExpressSoap {

    private RetailExpressSoap() {
    }

    static void acknowledge(RetailExpressSimulator simulator, String changeSetId) throws Exception {
        answered(simulator, "<re:ChangeSetProcessed><re:ChangesetId>" + changeSetId + "</re:ChangesetId></re:ChangeSetProcessed>");
    }

    static void createOrder(RetailExpressSimulator simulator, String orderXml) throws Exception {
        answered(simulator, "<re:OrderCreateByChannel><re:ChannelId>1</re:ChannelId><re:OrderXML>" + escaped(orderXml)
                + "</re:OrderXML></re:OrderCreateByChannel>");
    }

    static void createCustomer(RetailExpressSimulator simulator, String email) throws Exception {
        answered(simulator, "<re:CustomerCreateUpdate><re:CustomerXML>" + escaped("<Customers><Customer><BillFirstName>Twice"
                + "</BillFirstName><BillLastName>Made</BillLastName><BillEmail>" + email + "</BillEmail></Customer></Customers>")
                + "</re:CustomerXML></re:CustomerCreateUpdate>");
    }

    /** A call that must be answered (not refused, throttled or faulted). */
    static void answered(RetailExpressSimulator simulator, String body) throws Exception {
        HttpResponse<String> response = call(simulator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A call, whatever RE answers (a throttle fault is a SOAP fault with status 500). */
    static HttpResponse<String> call(RetailExpressSimulator simulator, String body) throws Exception {
        String header = "<re:ClientHeader><re:ClientID>" + simulator.clientId() + "</re:ClientID><re:UserName>"
                + simulator.username() + "</re:UserName><re:Password>" + simulator.password() + "</re:Password></re:ClientHeader>";
        String envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:re=\"http://retailexpress.com.au/\">"
                + "<env:Header>" + header + "</env:Header><env:Body>" + body + "</env:Body></env:Envelope>";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(simulator.soapEndpoint())
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String escaped(String xml) {
        return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
