package com.skylinksync.runtime;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.runtime.status.EntityStatus;
import com.skylinksync.runtime.status.EntityStatusStore;
import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * {@code POST /sync/{type}/{id}}: syncs one entity now, in this pod, and answers its outcome ({@code skylink sync},
 * routed here by the gateway). The sync goes through the {@link KeyOrderedDispatcher} like a consumed event (origin
 * {@code SINGLE}, real time): it joins the entity's lane, so it never runs beside a sync of the same key the consumer
 * holds, and it has the connector's retries, dead-lettering, parking, status and outcome event. It is never written
 * to Kafka's entity topic, so it has no offset to commit. The answer is the entity's status once the run is done:
 * 200 with {@code finished: true}; or, when a transient failure is still being retried after {@code timeout}, 202
 * with the status so far. 404 for a type this service does not sync, 409 while the service is paused.
 */
final class InlineSyncRoutes {

    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    /** What the caller may say about the sync; every field is optional. */
    record InlineSyncRequest(String clientId, Integer salesChannelId, String changeSetId, String traceId) {
    }

    /** The entity's outcome: {@code outcome} is its status (SYNCED, UNCHANGED, DEAD_LETTERED, PARKED, FAILED...). */
    record InlineSyncOutcome(String type, String id, boolean finished, SyncStatus outcome, String targetId, int attempts,
                             String error, String service, String traceId) {
    }

    private final KeyOrderedDispatcher dispatcher;
    private final EntityTopicConsumer consumer;
    private final EntityStatusStore statuses;
    private final SyncProperties properties;
    private final Set<EntityType> types;
    private final Clock clock;

    InlineSyncRoutes(KeyOrderedDispatcher dispatcher, EntityTopicConsumer consumer, EntityStatusStore statuses,
                     SyncProperties properties, List<EntitySyncer> syncers, Clock clock) {
        this.dispatcher = dispatcher;
        this.consumer = consumer;
        this.statuses = statuses;
        this.properties = properties;
        this.types = syncers.stream().map(EntitySyncer::entityType).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().POST("/sync/{type}/{id}", this::sync).build();
    }

    private Mono<ServerResponse> sync(ServerRequest request) {
        EntityType type;
        try {
            type = EntityType.valueOf(request.pathVariable("type").toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return problem(request, HttpStatus.BAD_REQUEST, "Unknown entity type '" + request.pathVariable("type") + "'");
        }
        if (!types.contains(type) || type.name().startsWith("MAGENTO_")) {
            // Magento-side changes are writes of a snapshot their change source read: they only come from the source.
            return problem(request, HttpStatus.NOT_FOUND, properties.service() + " does not sync " + type
                    + " entities inline; it syncs " + types.stream().filter(t -> !t.name().startsWith("MAGENTO_")).sorted().toList());
        }
        String key = request.pathVariable("id");
        String attributeCode = null;
        String entityId = key;
        if (type == EntityType.ATTRIBUTE_OPTION) {
            int colon = key.indexOf(':');
            if (colon < 1 || colon == key.length() - 1) {
                return problem(request, HttpStatus.BAD_REQUEST, "An attribute option is named <attribute code>:<option id>, e.g. brand:7");
            }
            attributeCode = key.substring(0, colon).toLowerCase(Locale.ROOT);
            entityId = key.substring(colon + 1);
        }
        Duration wait;
        try {
            wait = request.queryParam("timeout").map(Duration::parse).orElse(DEFAULT_WAIT);
        } catch (RuntimeException bad) {
            return problem(request, HttpStatus.BAD_REQUEST, "timeout must be an ISO-8601 duration such as PT30S");
        }
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            return problem(request, HttpStatus.BAD_REQUEST, "timeout must be between PT0S and " + MAX_WAIT);
        }
        String code = attributeCode;
        String id = entityId;
        return request.bodyToMono(InlineSyncRequest.class)
                .defaultIfEmpty(new InlineSyncRequest(null, null, null, null))
                .flatMap(body -> Mono.fromCallable(() -> Optional.ofNullable(run(type, code, id, body, wait)))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(outcome -> outcome.isEmpty()
                        ? problem(request, HttpStatus.CONFLICT, properties.service() + " is paused (skylink resume) or stopping:"
                                + " it syncs nothing until it consumes again")
                        : ServerResponse.status(outcome.get().finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(outcome.get()));
    }

    /** Null when the pod is not consuming. Blocking. */
    private InlineSyncOutcome run(EntityType type, String attributeCode, String entityId, InlineSyncRequest body, Duration wait)
            throws InterruptedException {
        if (consumer.paused()) {
            return null;
        }
        String traceId = body.traceId() != null ? body.traceId() : UUID.randomUUID().toString();
        EntityChanged event = EntityChanged.newBuilder()
                .setChangeSetId(body.changeSetId()).setOrigin(Origin.SINGLE).setClientId(body.clientId())
                .setSalesChannelId(body.salesChannelId()).setEntityType(type).setEntityId(entityId)
                .setAttributeCode(attributeCode).setObservedAt(clock.instant()).setTraceId(traceId).build();
        String key = EntityKey.of(event);
        // Partition -1: no offset of any partition, so nothing to track or commit (dead letters go where Kafka puts them).
        var record = new ConsumerRecord<String, Object>(topicOf(type), -1, -1L, key, event);
        var done = new CompletableFuture<Void>();
        try {
            dispatcher.submitInline(new Received(record, Instant.now(), done));
        } catch (IllegalStateException notConsuming) {
            return null;
        }
        boolean finished;
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            finished = true;
        } catch (TimeoutException stillRetrying) {
            finished = false;
        } catch (ExecutionException abandoned) {
            return null;
        }
        EntityStatus status = statuses.find(type.name(), key);
        return new InlineSyncOutcome(type.name(), key, finished, status.status(), status.targetId(), status.attempts(),
                status.lastError(), properties.service(), traceId);
    }

    /** The consumed topic of the type's events (where its dead letters and parked writes belong). */
    private String topicOf(EntityType type) {
        String own = Topics.forEntityType(type);
        return properties.topics().contains(own) ? own : Topics.realTime(properties.topics().getFirst());
    }

    private static Mono<ServerResponse> problem(ServerRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }
}
