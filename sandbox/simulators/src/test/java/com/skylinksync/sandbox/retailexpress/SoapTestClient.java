package com.skylinksync.sandbox.retailexpress;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Hand-written SOAP 1.2 calls to a simulator with its valid ClientHeader, and DOM helpers to read the answers. */
final class SoapTestClient implements AutoCloseable {

    private final RetailExpressSimulator simulator;
    // HTTP/1.1: the default h2c upgrade attempt costs the JDK server tens of milliseconds on every call.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SoapTestClient(RetailExpressSimulator simulator) {
        this.simulator = simulator;
    }

    /** The reply document of one operation ({@code body} uses the prefix {@code re:}); fails on a SOAP fault. */
    Document call(String body) throws Exception {
        String envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:re=\"http://retailexpress.com.au/\"><env:Header><re:ClientHeader><re:ClientID>"
                + simulator.clientId() + "</re:ClientID><re:UserName>" + simulator.username()
                + "</re:UserName><re:Password>" + simulator.password() + "</re:Password></re:ClientHeader>"
                + "</env:Header><env:Body>" + body + "</env:Body></env:Envelope>";
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(simulator.soapEndpoint())
                        .header("Content-Type", "application/soap+xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new AssertionError("HTTP " + reply.statusCode() + ": " + reply.body());
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(reply.body())));
    }

    /** A request document (CustomerXML, OrderPaymentXML...) escaped as the text of a string parameter. */
    static String escaped(String xml) {
        return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static List<Element> elements(Document document, String name) {
        var nodes = document.getElementsByTagNameNS("*", name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    /** The element children of {@code parent} named {@code name}, not their descendants. */
    static List<Element> children(Element parent, String name) {
        var nodes = parent.getChildNodes();
        return IntStream.range(0, nodes.getLength()).mapToObj(nodes::item)
                .filter(n -> n instanceof Element e && name.equals(e.getLocalName())).map(Element.class::cast)
                .toList();
    }

    /** The text of the first child element named {@code name}, or null when there is none. */
    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst().getTextContent();
    }

    @Override
    public void close() {
        http.close();
    }
}
