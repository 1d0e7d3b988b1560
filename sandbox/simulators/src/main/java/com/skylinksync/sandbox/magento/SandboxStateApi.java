package com.skylinksync.sandbox.magento;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Read-only view of the simulator for people and scripts driving the local stack: {@code GET /sandbox/customers},
 * {@code GET /sandbox/products} and {@code GET /sandbox/requests}. No token, no journaling: it is not part of Magento.
 */
final class SandboxStateApi implements HttpHandler {

    private final CustomerStore customers;
    private final ProductStore products;
    private final RequestJournal journal;
    private final ObjectMapper json;

    SandboxStateApi(CustomerStore customers, ProductStore products, RequestJournal journal, ObjectMapper json) {
        this.customers = customers;
        this.products = products;
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            reply(exchange).send(exchange, json);
        }
    }

    private Reply reply(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("GET")) {
            return Reply.of(MagentoFault.of(405, "The sandbox state API is read-only."));
        }
        ArrayNode items = json.createArrayNode();
        switch (exchange.getRequestURI().getPath().replaceAll("/+$", "")) {
            case "/sandbox/customers" -> customers.all().forEach(items::add);
            case "/sandbox/products" -> products.all(null).forEach(items::add);
            case "/sandbox/requests" -> journal.requests().forEach(request -> items.addObject()
                    .put("at", request.at().toString())
                    .put("method", request.method())
                    .put("path", request.path())
                    .put("status", request.status()));
            default -> {
                return Reply.of(MagentoFault.of(404, "Try /sandbox/customers, /sandbox/products or /sandbox/requests."));
            }
        }
        return Reply.json(200, items);
    }
}
