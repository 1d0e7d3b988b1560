package com.skylinksync.sandbox.chaos.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every gateway replica, reached as RE and an operator reach them: requests go round-robin; a connection refused, a
 * timeout or a 5xx (the replica was just killed, or is starting) is sent again to the next replica after a short
 * pause, as RE retries, until a deadline, never for ever. A 4xx is a defect of the caller and fails at once.
 */
final class Gateways {

    static final int SALES_CHANNEL = 1;

    private final List<URI> gateways;
    private final String edsApiKey;
    private final String operatorToken;
    private final UUID clientId;
    private final Duration deadline;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    Gateways(List<URI> gateways, String edsApiKey, String operatorToken, UUID clientId, Duration deadline) {
        this.gateways = List.copyOf(gateways);
        this.edsApiKey = edsApiKey;
        this.operatorToken = operatorToken;
        this.clientId = clientId;
        this.deadline = deadline;
    }

    /** A request refused for what it is (a 4xx): the workload sent something wrong. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The answer of the replica that took the request, and how many replicas refused or failed it first. */
    record Reply(int status, JsonNode body, int failovers) {
    }

    UUID clientId() {
        return clientId;
    }

    /** {@code PUT /eds/notify}: 201 new, 202 already registered. */
    Reply notify(EdsChangeSet changeSet) {
        String body = json.writeValueAsString(changeSet.body());
        return send(base -> HttpRequest.newBuilder(URI.create(base + "/eds/notify?client_id=" + clientId
                        + "&channel_id=" + SALES_CHANNEL))
                .header("x-api-key", edsApiKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), "EDS " + body);
    }

    /** An operator API read, e.g. {@code /ops/lag}. */
    JsonNode get(String path) {
        return send(base -> HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + operatorToken).GET(), "GET " + path).body();
    }

    /** An operator API action with a JSON body. */
    Reply post(String path, Object body) {
        return send(base -> HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "POST " + path);
    }

    private interface RequestFor {
        HttpRequest.Builder at(String base);
    }

    private Reply send(RequestFor request, String what) {
        Instant giveUp = Instant.now().plus(deadline);
        int failovers = 0;
        String lastFailure = "";
        Duration pause = Duration.ofMillis(100);
        while (true) {
            String base = gateways.get(Math.floorMod(next.getAndIncrement(), gateways.size())).toString().replaceAll("/+$", "");
            try {
                HttpResponse<String> response = http.send(request.at(base).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 400) {
                    JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
                    return new Reply(status, body, failovers);
                }
                if (status < 500) {
                    throw new Refused(what + " refused by " + base + " with " + status + ": " + response.body());
                }
                lastFailure = base + " answered " + status;
            } catch (IOException e) {
                lastFailure = base + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted sending " + what, e);
            }
            failovers++;
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("No gateway took " + abbreviated(what) + " within " + deadline
                        + "; last: " + lastFailure);
            }
            if (failovers % gateways.size() == 0) {
                sleep(pause); // every replica failed once: wait before the next round, longer each time
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
            }
        }
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String abbreviated(String what) {
        return what.length() <= 200 ? what : what.substring(0, 200) + "...";
    }
}
