package com.skylinksync.sandbox.retailexpress;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In front of the SOAP endpoint, at the HTTP level, because a 503 or a broken body cannot be produced from inside
 * JAX-WS: adds the injected latency, then maybe answers an injected fault instead of passing the call on.
 * Faulted calls are journaled here (outcome FAULT); the others are journaled by {@link ClientHeaderCheck}.
 */
final class FaultFilter extends Filter {

    private static final Pattern OPERATION = Pattern.compile("<(?:[\\w-]+:)?Body[^>]*>\\s*<(?:[\\w-]+:)?([\\w]+)");

    private final CallJournal journal;
    private final RandomGenerator random;
    private volatile InjectedLatency latency = InjectedLatency.none();
    private volatile InjectedFaults faults = InjectedFaults.none();

    FaultFilter(CallJournal journal, RandomGenerator random) {
        this.journal = journal;
        this.random = random;
    }

    void latency(InjectedLatency latency) {
        this.latency = latency;
    }

    void faults(InjectedFaults faults) {
        this.faults = faults;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long delay = latency.sampleMillis(random);
        if (delay > 0 && !pause(delay)) {
            exchange.close();
            return;
        }
        InjectedFaults plan = faults;
        InjectedFaults.Kind fault = "POST".equals(exchange.getRequestMethod())
                ? plan.select(random.nextDouble()) : InjectedFaults.Kind.NONE;
        if (fault == InjectedFaults.Kind.NONE) {
            chain.doFilter(exchange);
            return;
        }
        byte[] request = exchange.getRequestBody().readAllBytes();
        journal.record(operationOf(request), List.of(), CallOutcome.FAULT);
        switch (fault) {
            case SERVER_ERROR -> answer(exchange, 503, "text/html",
                    "<html><body><h1>Service Unavailable</h1></body></html>");
            case MALFORMED -> answer(exchange, 200, "application/soap+xml; charset=utf-8",
                    "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><Get");
            case TIMEOUT -> {
                pause(plan.hang().toMillis()); // interrupted when the simulator closes
                exchange.close();
            }
            case NONE -> throw new IllegalStateException("unreachable");
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static String operationOf(byte[] request) {
        Matcher matcher = OPERATION.matcher(new String(request, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "";
    }

    @Override
    public String description() {
        return "Injected latency and faults";
    }
}
