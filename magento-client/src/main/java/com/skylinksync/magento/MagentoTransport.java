package com.skylinksync.magento;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.Exceptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way this module talks to Magento's REST API, under the feature clients ({@code customers.MagentoCustomers},
 * {@code directory.MagentoDirectory}, ...): WebClient with the integration's bearer token and the settings' timeout,
 * Magento's JSON in and out, and every failure as the {@link MagentoException} that says whether a retry can help.
 * Blocking, because sync services run each entity on its own (virtual) thread. Thread-safe.
 *
 * <p>A 404 means two different things at Magento: a missing entity ({@code NoSuchEntityException}, a Magento error
 * body) or a path Magento has no route for ({@code "Request does not match any route."}, or a web server's page when
 * the base URL is wrong). Only {@link #find} reads the first as "not there"; the second is always
 * {@link MagentoException.Misconfigured}, so a wrong base URL can never make a lookup look empty.
 */
public final class MagentoTransport {

    private static final Logger log = LoggerFactory.getLogger(MagentoTransport.class);
    // Search results carry whole entities; WebClient's 256 KB default would cut off a page of them.
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final WebClient webClient;
    private final MagentoSettings settings;
    private final MagentoCallTimings timings;
    private final String restRoot;
    // Our own mapper, not the application's: the wire format is Magento's whatever the context configures.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public MagentoTransport(WebClient.Builder webClientBuilder, MagentoSettings settings) {
        this(webClientBuilder, settings, MagentoCallTimings.NONE);
    }

    /** As {@link #MagentoTransport(WebClient.Builder, MagentoSettings)}, reporting each call to {@code timings}. */
    public MagentoTransport(WebClient.Builder webClientBuilder, MagentoSettings settings, MagentoCallTimings timings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.restRoot = settings.baseUrl().toString().replaceAll("/+$", "");
        // clone(): the builder is usually the application's shared one, which must not inherit our token.
        this.webClient = webClientBuilder.clone()
                .defaultHeaders(headers -> headers.setBearerAuth(settings.accessToken()))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .build();
    }

    /** {@code GET path}; the entity, or empty when Magento says there is no such entity. */
    public <T> Optional<T> find(String path, Class<T> type) {
        Reply reply = exchange(HttpMethod.GET, path, "", null);
        if (reply.status() == 404 && MagentoErrorMessage.isEntityNotFound(json, reply.body())) {
            return Optional.empty();
        }
        return Optional.of(read(ok(reply, HttpMethod.GET, path), path, json.constructType(type)));
    }

    /** {@code GET path?searchCriteria...}: one page of items of {@code itemType} and the total count. */
    public <T> SearchResult<T> search(String path, SearchCriteria criteria, Class<T> itemType) {
        Reply reply = ok(exchange(HttpMethod.GET, path, "?" + criteria.toQuery(), null), HttpMethod.GET, path);
        JavaType type = json.getTypeFactory().constructParametricType(SearchResultWire.class, itemType);
        SearchResultWire<T> result = read(reply, path, type);
        List<T> items = result.items() == null ? List.of() : result.items();
        return new SearchResult<>(items, result.totalCount() == null ? items.size() : result.totalCount());
    }

    /** {@code POST path} with {@code body} as JSON; Magento's answer as {@code type}. */
    public <T> T post(String path, Object body, Class<T> type) {
        return read(ok(exchange(HttpMethod.POST, path, "", body), HttpMethod.POST, path), path, json.constructType(type));
    }

    /** {@code PUT path} with {@code body} as JSON; Magento's answer as {@code type}. */
    public <T> T put(String path, Object body, Class<T> type) {
        return read(ok(exchange(HttpMethod.PUT, path, "", body), HttpMethod.PUT, path), path, json.constructType(type));
    }

    /** {@code DELETE path}; Magento's answer as {@code type}. */
    public <T> T delete(String path, Class<T> type) {
        return read(ok(exchange(HttpMethod.DELETE, path, "", null), HttpMethod.DELETE, path), path, json.constructType(type));
    }

    /** A value as one path segment ({@code /V1/directory/countries/{id}}), percent-encoded. */
    public static String segment(String value) {
        return SearchCriteria.encode(Objects.requireNonNull(value, "value"));
    }

    /** Magento's search result; {@code search_criteria} is an echo of the request and not read. */
    record SearchResultWire<T>(List<T> items, @JsonProperty("total_count") Integer totalCount) {
    }

    private record Reply(int status, String body) {
    }

    /** One exchange, bounded by the settings' timeout; no answer in time or no connection is unavailable. */
    private Reply exchange(HttpMethod method, String path, String query, Object body) {
        URI uri = URI.create(restRoot + path + query);
        var request = webClient.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(text -> new Reply(response.statusCode().value(), text)))
                    .timeout(settings.timeout())
                    .block();
        } catch (RuntimeException failure) {
            timings.record(method.name(), "unavailable", System.nanoTime() - started);
            throw unavailable(method, path, failure);
        }
        timings.record(method.name(), Integer.toString(reply.status()), System.nanoTime() - started);
        log.debug("Magento {} {} -> {} in {} ms", method, path, reply.status(), (System.nanoTime() - started) / 1_000_000);
        return reply;
    }

    private Reply ok(Reply reply, HttpMethod method, String path) {
        if (reply.status() / 100 == 2) {
            return reply;
        }
        throw failure(reply, method, path);
    }

    private MagentoException failure(Reply reply, HttpMethod method, String path) {
        int status = reply.status();
        String where = " (HTTP " + status + " on " + method + " " + path + ")";
        String message = scrub(MagentoErrorMessage.decode(json, reply.body()) + where);
        if (status == 404 && !MagentoErrorMessage.isEntityNotFound(json, reply.body())) {
            return new MagentoException.Misconfigured(status, scrub("Magento has no route for " + method + " " + path
                    + " at " + restRoot + " (check skylink.magento.base-url: it ends in /rest): "
                    + MagentoErrorMessage.decode(json, reply.body()) + where), null);
        }
        if (status == 401 || status == 403) {
            return new MagentoException.Unauthorized(status, message, null);
        }
        if (status == 429 || status >= 500) {
            return new MagentoException.Unavailable(status, message, null);
        }
        if (status >= 400) {
            return new MagentoException.Rejected(status, message, null);
        }
        // 1xx/3xx: a redirect or a proxy in the way, which no entity can fix (e.g. http:// to https://).
        return new MagentoException.Misconfigured(status, message, null);
    }

    private MagentoException unavailable(HttpMethod method, String path, RuntimeException failure) {
        Throwable cause = Exceptions.unwrap(failure);
        if (cause instanceof TimeoutException) {
            return new MagentoException.Unavailable(0,
                    "Magento did not answer " + method + " " + path + " within " + settings.timeout(), null);
        }
        if (cause instanceof WebClientRequestException || cause instanceof IOException) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new MagentoException.Unavailable(0, scrub("Magento unreachable on " + method + " " + path + ": "
                    + root.getClass().getSimpleName() + ": " + root.getMessage()), null);
        }
        throw failure;
    }

    private <T> T read(Reply reply, String path, JavaType type) {
        try {
            T value = json.readValue(reply.body(), type);
            if (value == null) {
                throw new MagentoException.Unavailable(reply.status(), "Magento answered " + path + " with no body", null);
            }
            return value;
        } catch (JacksonException unreadable) {
            // A 2xx we cannot read is most likely a proxy or maintenance page: not the entity's fault.
            throw new MagentoException.Unavailable(reply.status(),
                    "Magento answered " + path + " with unreadable JSON: " + unreadable.getOriginalMessage(), null);
        }
    }

    /** Whatever a server echoes back, the token never reaches a message or a log. */
    private String scrub(String message) {
        return settings.accessToken().isEmpty() ? message : message.replace(settings.accessToken(), "****");
    }
}
