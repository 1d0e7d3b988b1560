package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.soap.EcommerceService;
import com.skylinksync.retailexpress.soap.EcommerceServiceSoap;
import com.sun.xml.ws.api.message.Headers;
import com.sun.xml.ws.developer.JAXWSProperties;
import com.sun.xml.ws.developer.WSBindingProvider;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.Handler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JAX-WS ports of one {@link EcommerceService}, each configured with the endpoint, timeouts and {@code ClientHeader}.
 *
 * <p>Why a pool: JAX-WS does not promise that a port (proxy) is thread-safe, and its request context is per port, so a
 * port is lent to one call at a time. Creating a port costs far more than a call's bookkeeping, so released ports are
 * kept for reuse; the number in existence is bounded by peak concurrency (itself bounded by RE's rate limit), and at
 * most {@link #MAX_IDLE} are kept idle. A ThreadLocal would leak ports into every pool thread for the JVM's life.
 */
final class EcommercePorts {

    static final String NAMESPACE = "http://retailexpress.com.au/";
    private static final int MAX_IDLE = 16;

    private final RetailExpressSettings settings;
    private final EcommerceService service;
    private final BlockingQueue<EcommerceServiceSoap> idle = new ArrayBlockingQueue<>(MAX_IDLE);

    EcommercePorts(RetailExpressSettings settings) {
        this.settings = settings;
        // Reads the WSDL from the classpath (/wsdl/retail-express-v2.wsdl), never from RE, so startup needs no network.
        this.service = new EcommerceService();
    }

    /**
     * Runs one call on a port lent for its duration. {@code write} marks a non-idempotent write: its request is sent
     * in chunked streaming mode because HttpURLConnection then never silently re-sends a POST whose connection broke
     * (it does so otherwise, see {@code sun.net.http.retryPost}), which could create a customer twice.
     */
    <T> T call(boolean write, Function<EcommerceServiceSoap, T> invocation) {
        EcommerceServiceSoap port = idle.poll();
        if (port == null) {
            port = newPort();
        }
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        try {
            if (write) {
                context.put(JAXWSProperties.HTTP_CLIENT_STREAMING_CHUNK_SIZE, 8192);
            }
            return invocation.apply(port);
        } finally {
            context.remove(JAXWSProperties.HTTP_CLIENT_STREAMING_CHUNK_SIZE);
            idle.offer(port); // dropped when MAX_IDLE are already waiting
        }
    }

    private EcommerceServiceSoap newPort() {
        EcommerceServiceSoap port = service.getEcommerceServiceSoap12();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, settings.endpoint().toString());
        context.put(JAXWSProperties.CONNECT_TIMEOUT, millis(settings.connectTimeout()));
        context.put(JAXWSProperties.REQUEST_TIMEOUT, millis(settings.requestTimeout()));
        // The WSDL declares ClientHeader as a binding header that wsimport does not map to a parameter; the RI adds
        // these outbound headers to every message of this port, before any handler sees it.
        ((WSBindingProvider) port).setOutboundHeaders(Headers.create(clientHeader()));
        if (settings.logPayloads()) {
            @SuppressWarnings("rawtypes")
            List<Handler> chain = List.of(new PayloadLog(settings.password()));
            ((BindingProvider) port).getBinding().setHandlerChain(chain);
        }
        return port;
    }

    private Element clientHeader() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element header = document.createElementNS(NAMESPACE, "ClientHeader");
            append(header, "ClientID", settings.clientId().toString());
            append(header, "UserName", settings.username());
            append(header, "Password", settings.password());
            document.appendChild(header);
            return header;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No DOM implementation for the ClientHeader", e);
        }
    }

    private static void append(Element header, String name, String value) {
        Element child = header.getOwnerDocument().createElementNS(NAMESPACE, name);
        child.setTextContent(value);
        header.appendChild(child);
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
