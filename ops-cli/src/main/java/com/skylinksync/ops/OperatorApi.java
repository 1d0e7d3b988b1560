package com.skylinksync.ops;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's operator API over HTTP: JSON in and out, problems turned into one line and an exit code. */
final class OperatorApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OperatorApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path, Map<String, ?> query) {
        return send("GET", path + queryString(query), null);
    }

    JsonNode get(String path) {
        return get(path, Map.of());
    }

    JsonNode post(String path, Map<String, ?> query, Object body) {
        return send("POST", path + queryString(query), body);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A GET whose answer is text (a CSV or table rendering), returned as it came. */
    String getText(String path, Map<String, ?> query) {
        return exchange("GET", path + queryString(query), null, "text/csv, text/plain, application/json, application/problem+json", false).body();
    }

    /** A GET that may find nothing: null on 404. */
    JsonNode getOptional(String path) {
        HttpResponse<String> response = exchange("GET", path, null, "application/json, application/problem+json", true);
        return response.statusCode() == 404 ? null : parse(response.body());
    }

    private JsonNode send(String method, String pathAndQuery, Object body) {
        return parse(exchange(method, pathAndQuery, body, "application/json, application/problem+json", false).body());
    }

    private HttpResponse<String> exchange(String method, String pathAndQuery, Object body, String accept, boolean notFoundIsAnswer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiFailure(ExitCode.UNREACHABLE, "skylink: cannot reach the operator API at " + base + " ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure(ExitCode.UNREACHABLE, "skylink: interrupted");
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 401 || status == 403) {
            throw new ApiFailure(ExitCode.REFUSED_CREDENTIAL, "skylink: the operator API at " + base + " refused the credential: "
                    + (token == null ? "none given (--token, $SKYLINK_TOKEN or the config file)" : detail(answer, status)));
        }
        if (status >= 500) {
            throw new ApiFailure(ExitCode.API_FAILED, "skylink: the operator API failed (" + status + "): " + detail(answer, status));
        }
        if (status == 404 && notFoundIsAnswer) {
            return response;
        }
        if (status >= 400) {
            throw new ApiFailure(ExitCode.REFUSED_REQUEST, "skylink: " + detail(answer, status));
        }
        return response;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode().put("detail", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private static String detail(JsonNode problem, int status) {
        String detail = problem.path("detail").asString("");
        return detail.isEmpty() ? "HTTP " + status : detail;
    }

    private static String queryString(Map<String, ?> query) {
        Map<String, Object> present = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        present.forEach((k, v) -> out.append(out.length() > 1 ? "&" : "").append(segment(k)).append('=').append(segment(v.toString())));
        return out.toString();
    }
}
