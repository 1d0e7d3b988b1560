package com.skylinksync.magento;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Magento 2 REST client over WebClient, with a blocking facade: sync services run each entity on its own
 * (virtual) thread, so straight-line calls read better there than reactive chains. Thread-safe.
 * Every failure is a {@link MagentoException} whose subtype says whether a retry can help.
 *
 * <p>Writes follow Magento's "absent means unchanged": a customer whose {@code addresses} is null keeps its stored
 * addresses, an empty list removes them; a null {@code subscribed} leaves the newsletter subscription alone.
 */
public final class MagentoClient {

    private static final Logger log = LoggerFactory.getLogger(MagentoClient.class);
    // Search results carry whole customers; WebClient's 256 KB default would cut off a page of them.
    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final WebClient webClient;
    private final MagentoSettings settings;
    private final String restRoot;
    // Our own mapper, not the application's: the wire format is Magento's whatever the context configures.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public MagentoClient(WebClient.Builder webClientBuilder, MagentoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.restRoot = settings.baseUrl().toString().replaceAll("/+$", "");
        // clone(): the builder is usually the application's shared one, which must not inherit our token.
        this.webClient = webClientBuilder.clone()
                .defaultHeaders(headers -> headers.setBearerAuth(settings.accessToken()))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .build();
    }

    /** {@code GET /V1/customers/{id}}; empty on 404. */
    public Optional<MagentoCustomer> getCustomer(long id) {
        String path = "/V1/customers/" + id;
        Reply reply = call(HttpMethod.GET, path, "", null);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(CustomerMapping.fromWire(read(reply, path, MagentoWire.Customer.class)));
    }

    /** {@code GET /V1/customers/search} with {@code email eq}. */
    public List<MagentoCustomer> findCustomersByEmail(String email) {
        return searchCustomers("email", email);
    }

    /** {@code GET /V1/customers/search} with {@code <attributeCode> eq <value>} on a custom attribute. */
    public List<MagentoCustomer> findCustomersByAttribute(String attributeCode, String value) {
        return searchCustomers(attributeCode, value);
    }

    /** {@code POST /V1/customers}; returns the created customer with its id. */
    public MagentoCustomer createCustomer(MagentoCustomer customer) {
        String path = "/V1/customers";
        Reply reply = call(HttpMethod.POST, path, "", new MagentoWire.CustomerEnvelope(CustomerMapping.toWire(customer)));
        return CustomerMapping.fromWire(read(reply, path, MagentoWire.Customer.class));
    }

    /** {@code PUT /V1/customers/{id}}; returns the saved customer. */
    public MagentoCustomer updateCustomer(MagentoCustomer customer) {
        if (customer.id() == null) {
            throw new IllegalArgumentException("updateCustomer needs the customer's Magento id");
        }
        String path = "/V1/customers/" + customer.id();
        Reply reply = call(HttpMethod.PUT, path, "", new MagentoWire.CustomerEnvelope(CustomerMapping.toWire(customer)));
        return CustomerMapping.fromWire(read(reply, path, MagentoWire.Customer.class));
    }

    /** {@code GET /V1/customerGroups/{id}}; empty on 404. */
    public Optional<MagentoCustomerGroup> getCustomerGroup(int id) {
        String path = "/V1/customerGroups/" + id;
        Reply reply = call(HttpMethod.GET, path, "", null);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(group(read(reply, path, MagentoWire.Group.class)));
    }

    /** {@code GET /V1/customerGroups/search} with {@code code eq} (Magento compares ignoring case). */
    public List<MagentoCustomerGroup> findCustomerGroupsByCode(String code) {
        String path = "/V1/customerGroups/search";
        Reply reply = call(HttpMethod.GET, path, searchQuery("code", code), null);
        MagentoWire.GroupSearchResult result = read(reply, path, MagentoWire.GroupSearchResult.class);
        return result.items() == null ? List.of() : result.items().stream().map(MagentoClient::group).toList();
    }

    /** {@code POST /V1/customerGroups}; returns the group with its id. A taken or too long code is {@link MagentoException.Rejected}. */
    public MagentoCustomerGroup createCustomerGroup(MagentoCustomerGroup group) {
        String path = "/V1/customerGroups";
        Reply reply = call(HttpMethod.POST, path, "", new MagentoWire.GroupEnvelope(
                new MagentoWire.Group(null, group.code(), group.taxClassId())));
        return group(read(reply, path, MagentoWire.Group.class));
    }

    /** {@code PUT /V1/customerGroups/{id}}. */
    public MagentoCustomerGroup updateCustomerGroup(MagentoCustomerGroup group) {
        if (group.id() == null) {
            throw new IllegalArgumentException("updateCustomerGroup needs the group's Magento id");
        }
        String path = "/V1/customerGroups/" + group.id();
        Reply reply = call(HttpMethod.PUT, path, "", new MagentoWire.GroupEnvelope(
                new MagentoWire.Group(group.id(), group.code(), group.taxClassId())));
        return group(read(reply, path, MagentoWire.Group.class));
    }

    /**
     * {@code GET /V1/customers/search} for customers changed at or after {@code updatedAtFrom} (Magento's
     * {@code yyyy-MM-dd HH:mm:ss}, UTC), one page of {@code pageSize} (pages from 1).
     */
    public List<MagentoCustomer> findCustomersUpdatedSince(String updatedAtFrom, int page, int pageSize) {
        String path = "/V1/customers/search";
        String query = searchQuery("updated_at", updatedAtFrom).replace("=eq", "=gteq")
                + "&" + encode("searchCriteria[pageSize]") + "=" + pageSize
                + "&" + encode("searchCriteria[currentPage]") + "=" + page;
        Reply reply = call(HttpMethod.GET, path, query, null);
        MagentoWire.CustomerSearchResult result = read(reply, path, MagentoWire.CustomerSearchResult.class);
        return result.items() == null ? List.of() : result.items().stream().map(CustomerMapping::fromWire).toList();
    }

    private static MagentoCustomerGroup group(MagentoWire.Group wire) {
        return new MagentoCustomerGroup(wire.id(), wire.code(), wire.taxClassId() == null ? 0 : wire.taxClassId());
    }

    private static String searchQuery(String field, String value) {
        String filter = "searchCriteria[filterGroups][0][filters][0]";
        return "?" + encode(filter + "[field]") + "=" + encode(field)
                + "&" + encode(filter + "[value]") + "=" + encode(value)
                + "&" + encode(filter + "[condition_type]") + "=eq";
    }

    /** {@code GET /V1/directory/countries/{countryId}} → its regions (empty when Magento has none for it). */
    public List<MagentoRegion> regionsOf(String countryId) {
        String path = "/V1/directory/countries/" + encode(countryId);
        Reply reply = call(HttpMethod.GET, path, "", null);
        if (reply.status() == 404) {
            // A country Magento does not know has no regions; saving an address in it fails on its own terms.
            return List.of();
        }
        MagentoWire.Country country = read(reply, path, MagentoWire.Country.class);
        if (country.availableRegions() == null) {
            return List.of();
        }
        return country.availableRegions().stream()
                .map(region -> new MagentoRegion(Integer.valueOf(region.id().trim()), region.code(), region.name()))
                .toList();
    }

    private List<MagentoCustomer> searchCustomers(String field, String value) {
        String path = "/V1/customers/search";
        Reply reply = call(HttpMethod.GET, path, searchQuery(field, value), null);
        MagentoWire.CustomerSearchResult result = read(reply, path, MagentoWire.CustomerSearchResult.class);
        return result.items() == null ? List.of() : result.items().stream().map(CustomerMapping::fromWire).toList();
    }

    private record Reply(int status, String body) {
    }

    /**
     * One exchange, bounded by the settings' timeout. 2xx and 404 come back for the caller to read; any other
     * status, no answer in time or no connection becomes the matching {@link MagentoException}.
     */
    private Reply call(HttpMethod method, String path, String query, Object body) {
        URI uri = URI.create(restRoot + path + query);
        var request = webClient.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(write(body));
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(text -> new Reply(response.statusCode().value(), text)))
                    .timeout(settings.timeout())
                    .block();
        } catch (RuntimeException failure) {
            throw unavailable(method, path, failure);
        }
        log.debug("Magento {} {} -> {} in {} ms", method, path, reply.status(), (System.nanoTime() - started) / 1_000_000);
        if (reply.status() / 100 == 2 || (reply.status() == 404 && method == HttpMethod.GET)) {
            return reply;
        }
        throw failure(reply, method, path);
    }

    private MagentoException failure(Reply reply, HttpMethod method, String path) {
        int status = reply.status();
        String message = scrub(MagentoErrorMessage.decode(json, reply.body()) + " (HTTP " + status + " on " + method + " " + path + ")");
        if (status == 401 || status == 403) {
            return new MagentoException.Unauthorized(status, message, null);
        }
        if (status == 429 || status >= 500) {
            return new MagentoException.Unavailable(status, message, null);
        }
        if (status >= 400) {
            return new MagentoException.Rejected(status, message, null);
        }
        // 1xx/3xx: a proxy or URL problem no entity can fix; retrying keeps it visible until someone does.
        return new MagentoException.Unavailable(status, message, null);
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

    private <T> T read(Reply reply, String path, Class<T> type) {
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

    private String write(Object body) {
        return json.writeValueAsString(body);
    }

    /** Whatever a server echoes back, the token never reaches a message or a log. */
    private String scrub(String message) {
        return settings.accessToken().isEmpty() ? message : message.replace(settings.accessToken(), "****");
    }

    /** Form-encoding with %20 for spaces: Magento's PHP reads both, but %20 is right in a path too. */
    private static String encode(String text) {
        return URLEncoder.encode(Objects.requireNonNull(text), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
