package com.skylinksync.sandbox.magento;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** An HTTP answer: JSON as Magento's web API writes it, or an HTML page as its maintenance mode serves one. */
record Reply(int status, JsonNode json, String html) {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, null);
    }

    static Reply of(MagentoFault fault) {
        return json(fault.status(), fault.body());
    }

    /**
     * What a store in maintenance mode serves (pub/errors/default/503.phtml via pub/errors/processor.php): an HTML page
     * with status 503, not JSON, whatever the route.
     */
    static Reply maintenance() {
        return new Reply(503, null, """
                <!doctype html>
                <html><head><title>Error 503: Service Unavailable</title></head>
                <body><h1>Service Temporarily Unavailable</h1>
                <p>The server is temporarily unable to service your request due to maintenance downtime or capacity
                problems. Please try again later.</p></body></html>
                """);
    }

    void send(HttpExchange exchange, ObjectMapper mapper) throws IOException {
        byte[] bytes = html != null ? html.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type",
                (html != null ? "text/html" : "application/json") + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
