package com.skylinksync.runtime.status;

import com.skylinksync.schemas.avro.EntityType;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /entities/{type}/{id}} (an entity never seen answers {@code NEVER_SYNCED}, not 404) and
 * {@code GET /entities?status=FAILED&page=0&size=50}. Bad parameters get a problem JSON body.
 */
final class EntityStatusRoutes {

    static final int MAX_PAGE_SIZE = 500;

    private final EntityStatusStore store;

    EntityStatusRoutes(EntityStatusStore store) {
        this.store = store;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/entities/{type}/{id}", this::one)
                .GET("/entities", this::list)
                .build();
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        String type;
        try {
            type = EntityType.valueOf(request.pathVariable("type").toUpperCase(Locale.ROOT).replace('-', '_')).name();
        } catch (IllegalArgumentException unknown) {
            return problem(request, "Unknown entity type '" + request.pathVariable("type") + "'");
        }
        String id = request.pathVariable("id");
        // The store blocks (bounded); off the event loop.
        return Mono.fromCallable(() -> store.find(type, id)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(status -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(status));
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        SyncStatus status;
        int page;
        int size;
        try {
            String wanted = request.queryParam("status").orElseThrow(() -> new IllegalArgumentException(
                    "Query parameter 'status' is required (one of QUEUED, RUNNING, SYNCED, UNCHANGED, FAILED, DEAD_LETTERED, PARKED)"));
            status = SyncStatus.valueOf(wanted.toUpperCase(Locale.ROOT));
            if (status == SyncStatus.NEVER_SYNCED) {
                throw new IllegalArgumentException("NEVER_SYNCED entities are not stored, so they cannot be listed");
            }
            page = number(request, "page", 0);
            size = number(request, "size", 50);
            if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
            }
        } catch (IllegalArgumentException bad) {
            return problem(request, bad.getMessage().startsWith("No enum constant")
                    ? "Unknown status '" + request.queryParam("status").orElse("") + "'" : bad.getMessage());
        }
        return Mono.fromCallable(() -> store.withStatus(status, page, size)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }

    private static int number(ServerRequest request, String name, int fallback) {
        String text = request.queryParam(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Query parameter '" + name + "' must be a whole number: " + text);
        }
    }

    private static Mono<ServerResponse> problem(ServerRequest request, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }
}
