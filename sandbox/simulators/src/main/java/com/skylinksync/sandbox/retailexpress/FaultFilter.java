package com.skylinksync.sandbox.retailexpress;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In front of the SOAP endpoint, at the HTTP level, because a 503 or a broken body cannot be produced from inside
 * JAX-WS: adds the injected latency, then maybe answers an injected fault instead of passing the call on.
 * Faulted calls are journaled here (outcome FAULT); the others are journaled by {@link ClientHeaderCheck}. Besides
 * the rates, the next calls of one operation can be failed ({@link #failNext}): a test aims at one call of a
 * sequence (the {@code GetOrder} after an {@code OrderAddPayment}) without touching the calls around it.
 */
final class FaultFilter extends Filter {

    private static final Pattern OPERATION = Pattern.compile("<(?:[\\w-]+:)?Body[^>]*>\\s*<(?:[\\w-]+:)?([\\w]+)");

    private final CallJournal journal;
    private final RandomGenerator random;
    private volatile InjectedLatency latency = InjectedLatency.none();
    private volatile InjectedFaults faults = InjectedFaults.none();
    /** Operation → how many of its next calls are answered 503; read only while any is armed. */
    private final Map<String, Integer> failNext = new ConcurrentHashMap<>();

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

    /** The next {@code calls} calls of {@code operation} are answered 503 before reaching it (0 disarms). */
    void failNext(String operation, int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls cannot be negative");
        }
        if (calls == 0) {
            failNext.remove(operation);
        } else {
            failNext.put(operation, calls);
        }
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long delay = latency.sampleMillis(random);
        if (delay > 0 && !pause(delay)) {
            exchange.close();
            return;
        }
        InjectedFaults plan = faults;
        boolean post = "POST".equals(exchange.getRequestMethod());
        byte[] request = null;
        InjectedFaults.Kind fault = InjectedFaults.Kind.NONE;
        if (post && !failNext.isEmpty()) {
            request = exchange.getRequestBody().readAllBytes();
            exchange.setStreams(new ByteArrayInputStream(request), null); // the endpoint reads the body again
            if (takeTargeted(operationOf(request))) {
                fault = InjectedFaults.Kind.SERVER_ERROR;
            }
        }
        if (fault == InjectedFaults.Kind.NONE && post) {
            fault = plan.select(random.nextDouble());
        }
        if (fault == InjectedFaults.Kind.NONE) {
            chain.doFilter(exchange);
            return;
        }
        if (request == null) {
            request = exchange.getRequestBody().readAllBytes();
        }
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

    /** Whether this call of {@code operation} is one of those armed to fail (and counts it off). */
    private boolean takeTargeted(String operation) {
        boolean[] taken = {false};
        failNext.computeIfPresent(operation, (op, left) -> {
            taken[0] = true;
            return left > 1 ? left - 1 : null;
        });
        return taken[0];
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
