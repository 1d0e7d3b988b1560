package com.skylinksync.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error that reaches the web layer into a problem document: the gateway's own {@link ProblemException}s,
 * the framework's (unknown route 404, 405, 406, ...), and anything unexpected, which becomes a bare 500 whose
 * details stay in the log. Ordered before Boot's default handler so no HTML page or stack trace is ever answered.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        Problem problem;
        if (error instanceof ProblemException answer) {
            problem = answer.problem();
            response.getHeaders().addAll(answer.headers());
        } else if (error instanceof ErrorResponse framework) {
            HttpStatusCode status = framework.getStatusCode();
            String title = HttpStatus.resolve(status.value()) != null ? HttpStatus.valueOf(status.value()).getReasonPhrase() : "Error";
            String detail = framework.getBody().getDetail();
            problem = Problem.of("http-" + status.value(), title, status.value(), detail == null ? title : detail);
            response.getHeaders().addAll(framework.getHeaders());
        } else {
            log.error("Unexpected failure answering {} {}", exchange.getRequest().getMethod(), path, error);
            problem = Problem.of("internal-error", "Internal Server Error", 500,
                    "The gateway failed unexpectedly; the failure is logged.");
        }
        problem = problem.forInstance(path);
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
