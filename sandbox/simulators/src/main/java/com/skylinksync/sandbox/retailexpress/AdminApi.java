package com.skylinksync.sandbox.retailexpress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's JSON admin API under {@code /sandbox}, for tests and benchmarks in other processes:
 * {@code GET /sandbox/journal} (every call) and {@code GET /sandbox/acknowledgements} (processed change set ids).
 */
final class AdminApi implements HttpHandler {

    static final String PATH = "/sandbox";

    private final CallJournal journal;
    private final JsonMapper json = JsonMapper.builder().build();

    AdminApi(CallJournal journal) {
        this.journal = journal;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Object body = switch (exchange.getRequestURI().getPath()) {
                case PATH + "/journal" -> journal.calls();
                case PATH + "/acknowledgements" -> journal.processedChangeSets();
                default -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
