package com.skylinksync.sandbox.magento;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The simulator's sandbox side for people and scripts driving the local stack: {@code GET /sandbox/customers},
 * {@code GET /sandbox/products}, {@code GET /sandbox/orders}, {@code GET /sandbox/requests}, and
 * {@code POST /sandbox/orders} to place an order as a shopper would (a {@link PlacedOrder} as JSON). No token, no
 * journaling: it is not part of Magento.
 */
final class SandboxStateApi implements HttpHandler {

    private final CustomerStore customers;
    private final ProductStore products;
    private final SalesStore sales;
    private final RequestJournal journal;
    private final ObjectMapper json;

    SandboxStateApi(CustomerStore customers, ProductStore products, SalesStore sales, RequestJournal journal,
                    ObjectMapper json) {
        this.customers = customers;
        this.products = products;
        this.sales = sales;
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            reply(exchange).send(exchange, json);
        }
    }

    private Reply reply(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        if (exchange.getRequestMethod().equals("POST") && path.equals("/sandbox/orders")) {
            PlacedOrder order;
            try {
                // What a JSON body leaves out is absent: no invoice, no discount, and so on.
                order = json.readerFor(PlacedOrder.class)
                        .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .readValue(exchange.getRequestBody().readAllBytes());
            } catch (RuntimeException unreadable) {
                return Reply.of(MagentoFault.of(400, "Not an order to place: " + unreadable.getMessage()));
            }
            try {
                return Reply.json(200, sales.place(order));
            } catch (MagentoFault fault) {
                return Reply.of(fault);
            }
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            return Reply.of(MagentoFault.of(405, "The sandbox API only reads, and places orders (POST /sandbox/orders)."));
        }
        ArrayNode items = json.createArrayNode();
        switch (path) {
            case "/sandbox/customers" -> customers.all().forEach(items::add);
            case "/sandbox/products" -> products.all(null).forEach(items::add);
            case "/sandbox/orders" -> sales.orders().forEach(items::add);
            case "/sandbox/requests" -> journal.requests().forEach(request -> items.addObject()
                    .put("at", request.at().toString())
                    .put("method", request.method())
                    .put("path", request.path())
                    .put("status", request.status()));
            default -> {
                return Reply.of(MagentoFault.of(404, "Try /sandbox/customers, /sandbox/products, /sandbox/orders or /sandbox/requests."));
            }
        }
        return Reply.json(200, items);
    }
}
