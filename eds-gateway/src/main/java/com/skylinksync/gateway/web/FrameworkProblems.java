package com.skylinksync.gateway.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The framework's own problem answers (unknown route, wrong method, unacceptable media type, ...), with a {@code type}
 * in the gateway's scheme instead of the implicit {@code about:blank}, so every error a client sees has the same shape.
 * Replaces Boot's {@code spring.webflux.problemdetails} handler, which it extends.
 */
@RestControllerAdvice
class FrameworkProblems extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        // The framework passes no body when the exception carries its own problem detail.
        Object problemBody = body == null && ex instanceof ErrorResponse response ? response.getBody() : body;
        if (problemBody instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(Problem.of("http-" + status.value(), "", status.value(), "").type()));
            }
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            }
        }
        return super.handleExceptionInternal(ex, problemBody, headers, status, exchange);
    }
}
