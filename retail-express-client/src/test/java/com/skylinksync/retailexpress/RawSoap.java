package com.skylinksync.retailexpress;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Hand-written SOAP 1.2 calls to the simulator, to see RE's documents exactly as they travel. */
record RawSoap(RetailExpressSimulator simulator) {

    /** The raw HTTP response body of one call with a valid ClientHeader; {@code body} is the operation element. */
    String post(String body) throws IOException, InterruptedException {
        String envelope = """
                <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:re="http://retailexpress.com.au/">
                  <env:Header><re:ClientHeader><re:ClientID>%s</re:ClientID><re:UserName>%s</re:UserName>\
                <re:Password>%s</re:Password></re:ClientHeader></env:Header>
                  <env:Body>%s</env:Body>
                </env:Envelope>""".formatted(simulator.clientId(), simulator.username(), simulator.password(), body);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(simulator.soapEndpoint())
                    .header("Content-Type", "application/soap+xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** The {@code <Response>} document inside {@code {Op}Result}, as the client's JAX-WS layer would hand it over. */
    Element resultDocument(String body) throws Exception {
        Document envelope = parse(post(body));
        return (Element) envelope.getElementsByTagNameNS("*", "Response").item(0);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

}
