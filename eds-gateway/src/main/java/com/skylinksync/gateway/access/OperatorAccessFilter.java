package com.skylinksync.gateway.access;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.intake.ApiKeys;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every route of the gateway needs an operator credential ({@code Authorization: Bearer <token>}), except RE's EDS
 * intake (which checks its own {@code x-api-key}), the health probes, and the console's static files (a page shell
 * that holds no data: everything it shows comes from the operator API). Reads ({@code GET}, {@code HEAD}) need the
 * read-only role, everything else the operator role. Deny by default, so a route added later is protected too.
 * Refusals are problem documents (401 with {@code WWW-Authenticate: Bearer}, 403), answered by the gateway's handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OperatorAccessFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys operatorTokens;
    private final ApiKeys readOnlyTokens;
    private final Environment environment;

    OperatorAccessFilter(OperatorAccessProperties access, GatewayProperties gateway, Environment environment) {
        this.environment = environment;
        ApiKeys edsKeys = new ApiKeys(gateway.apiKeys());
        if (access.operatorTokens().stream().anyMatch(edsKeys::accepts) || access.readOnlyTokens().stream().anyMatch(edsKeys::accepts)) {
            throw new IllegalArgumentException("skylink.gateway.operator-access tokens must differ from RE's EDS keys (skylink.gateway.api-keys)");
        }
        this.operatorTokens = new ApiKeys(access.operatorTokens());
        this.readOnlyTokens = new ApiKeys(access.readOnlyTokens());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (isOpen(path, exchange.getRequest().getMethod()) || onManagementPort(exchange)) {
            return chain.filter(exchange);
        }
        OperatorRole needed = isRead(exchange.getRequest().getMethod()) ? OperatorRole.READ_ONLY : OperatorRole.OPERATOR;
        Optional<OperatorRole> role = role(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (role.isEmpty()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"skylink-operator\"");
            return Mono.error(new ProblemException(Problem.of("unauthenticated", "Unauthorized", 401,
                    "This route needs an operator credential: Authorization: Bearer <token>"), headers));
        }
        if (!role.get().allows(needed)) {
            return Mono.error(new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                    "This action needs the operator role; the credential presented is read-only")));
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
     * A separate management port (metrics scraping, probes) is internal to the cluster, never exposed by the Service,
     * and serves only the actuator: it needs no operator credential. Its filter chain includes this filter, hence the check.
     */
    private boolean onManagementPort(ServerWebExchange exchange) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        var local = exchange.getRequest().getLocalAddress();
        return management != null && local != null && !management.equals(server) && local.getPort() == management;
    }

    private static boolean isOpen(String path, HttpMethod method) {
        if (path.equals("/eds/notify")) {
            return true;
        }
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            return true;
        }
        return isRead(method) && (path.equals("/console") || path.startsWith("/console/"));
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
