package com.skylinksync.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The operator credential check in front of every route of a SkyLink web application (the gateway and each sync
 * service): {@code Authorization: Bearer <token>}; reads ({@code GET}, {@code HEAD}) need the read-only role,
 * everything else the operator role. Deny by default: only the paths the application declares open (health probes,
 * RE's own intake) and a separate management port pass without a credential, so a route added later is protected too.
 * Refusals are RFC 9457 problem documents: 401 {@code urn:skylink:problem:unauthenticated} with
 * {@code WWW-Authenticate: Bearer}, 403 {@code urn:skylink:problem:forbidden}. Tokens are never logged.
 */
public final class OperatorAccessFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys operatorTokens;
    private final ApiKeys readOnlyTokens;
    private final Predicate<ServerWebExchange> open;
    private final Environment environment;

    /**
     * @param operatorTokens tokens of the operator role
     * @param readOnlyTokens tokens of the read-only role
     * @param open           requests that need no credential (health probes, ...)
     * @param environment    where the web server's and the management server's ports are found
     */
    public OperatorAccessFilter(List<String> operatorTokens, List<String> readOnlyTokens, Predicate<ServerWebExchange> open,
                                Environment environment) {
        this.operatorTokens = new ApiKeys(operatorTokens);
        this.readOnlyTokens = new ApiKeys(readOnlyTokens);
        this.open = open;
        this.environment = environment;
    }

    /** Open: the actuator's health group and its probes ({@code /actuator/health}, {@code /actuator/health/**}). */
    public static boolean isHealthProbe(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    public static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (open.test(exchange) || onManagementPort(exchange)) {
            return chain.filter(exchange);
        }
        OperatorRole needed = isRead(exchange.getRequest().getMethod()) ? OperatorRole.READ_ONLY : OperatorRole.OPERATOR;
        Optional<OperatorRole> role = role(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (role.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"skylink-operator\"");
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                    "This route needs an operator credential: Authorization: Bearer <token>");
        }
        if (!role.get().allows(needed)) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "This action needs the operator role; the credential presented is read-only");
        }
        return chain.filter(exchange);
    }

    /** Both token sets are always compared, so timing does not tell which role a guess came close to. */
    private Optional<OperatorRole> role(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        boolean operator = operatorTokens.accepts(token);
        boolean readOnly = readOnlyTokens.accepts(token);
        return operator ? Optional.of(OperatorRole.OPERATOR) : readOnly ? Optional.of(OperatorRole.READ_ONLY) : Optional.empty();
    }

    /**
     * A separate management port (metrics scraping, probes) is internal to the cluster, never exposed by a Service,
     * and serves only the actuator: it needs no operator credential. Its filter chain includes this filter, hence the check.
     */
    private boolean onManagementPort(ServerWebExchange exchange) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        var local = exchange.getRequest().getLocalAddress();
        return management != null && local != null && !management.equals(server) && local.getPort() == management;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"urn:skylink:problem:" + kind + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + jsonText(exchange.getRequest().getPath().value()) + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** A request path as a JSON string's content: quotes, backslashes and control characters escaped. */
    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
