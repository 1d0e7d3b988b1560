package com.skylinksync.gateway.health;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.retailexpress.RetailExpressTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether Retail Express's SOAP endpoint answers HTTP at all ({@code retailExpress} in health): a GET of its WSDL,
 * which is no API operation, so probes never spend RE's call budget. Not in the readiness group: intake does not
 * need RE (only acknowledgements do, and those wait and retry), so an RE outage must not take the gateway out of
 * service and make RE's own EDS notifications fail too.
 */
@Component("retailExpress")
class RetailExpressHealthIndicator implements ReactiveHealthIndicator {

    private final HttpClient http;
    private final URI wsdl;
    private final Duration timeout;

    RetailExpressHealthIndicator(RetailExpressTransport retailExpress, GatewayProperties properties) {
        this.timeout = properties.healthTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.wsdl = URI.create(retailExpress.settings().endpoint() + "?wsdl");
    }

    @Override
    public Mono<Health> health() {
        HttpRequest request = HttpRequest.newBuilder(wsdl).timeout(timeout).GET().build();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> response.statusCode() < 500
                        ? Health.up().withDetail("status", response.statusCode()).build()
                        : Health.down().withDetail("status", response.statusCode()).build())
                .timeout(timeout.plusMillis(500))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("reason", "Retail Express did not answer within " + timeout).build()));
    }
}
