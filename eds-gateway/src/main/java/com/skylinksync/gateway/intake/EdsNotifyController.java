package com.skylinksync.gateway.intake;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.acknowledgement.Acknowledgements;
import com.skylinksync.gateway.bulk.BulkExpander;
import com.skylinksync.gateway.changesets.ChangeSetRegistry;
import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.gateway.changesets.Registration;
import com.skylinksync.gateway.outbox.ImmediatePublisher;
import com.skylinksync.gateway.outbox.Publication;
import java.util.Objects;
import com.skylinksync.gateway.phases.IntakePhases;
import com.skylinksync.access.ApiKeys;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /eds/notify}: Retail Express's EDS notifications. A notification is answered 201 once its change sets
 * are durably registered (and, within {@code publish-wait}, their events are on Kafka), 202 when they were already
 * registered, and with a problem document otherwise. Nothing is registered unless the whole notification is valid.
 */
@RestController
class EdsNotifyController {

    private static final Logger log = LoggerFactory.getLogger(EdsNotifyController.class);
    /** Long enough for a database restart or fail-over, short enough that RE's retry finds the gateway soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final GatewayProperties properties;
    private final ApiKeys apiKeys;
    private final NotificationParser parser;
    private final ChangeSetRegistry registry;
    private final ImmediatePublisher publisher;
    private final Acknowledgements acknowledgements;
    private final BulkExpander bulk;
    private final MeterRegistry meters;
    private final IntakePhases phases;

    EdsNotifyController(GatewayProperties properties, ChangeSetRegistry registry, ImmediatePublisher publisher,
                        Acknowledgements acknowledgements, BulkExpander bulk, MeterRegistry meters, IntakePhases phases) {
        this.phases = phases;
        this.properties = properties;
        this.apiKeys = new ApiKeys(properties.apiKeys());
        this.parser = new NotificationParser(properties.maxEntities());
        this.registry = registry;
        this.publisher = publisher;
        this.acknowledgements = acknowledgements;
        this.bulk = bulk;
        this.meters = meters;
    }

    @PutMapping("/eds/notify")
    @Operation(summary = "Retail Express EDS notification",
            description = "Registers the change sets durably and publishes one EntityChanged per entity through the outbox. "
                    + "201 when a change set is new, 202 when every change set was already registered; nothing is registered "
                    + "unless the whole notification is valid.",
            parameters = {
                    @Parameter(name = "client_id", in = ParameterIn.QUERY, required = true, description = "The Retail Express client (UUID); another client is refused with 403",
                            schema = @Schema(type = "string", format = "uuid")),
                    @Parameter(name = "channel_id", in = ParameterIn.QUERY, required = true, description = "A configured sales channel; another is refused with 422",
                            schema = @Schema(type = "integer")),
                    @Parameter(name = "x-api-key", in = ParameterIn.HEADER, required = true, description = "One of the configured EDS keys; otherwise 401",
                            schema = @Schema(type = "string"))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", examples = @ExampleObject(value =
                            "{\"Changesets\":[{\"ChangesetId\":\"3f7c1e2a-0b9d-4c55-9a43-5d1e8f0b7c21\",\"UpdatedEntities\":[{\"Type\":\"Product\",\"List\":[124005,124006]}]}]}"))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "At least one change set registered by this request",
                            content = @Content(schema = @Schema(implementation = Accepted.class))),
                    @ApiResponse(responseCode = "202", description = "Every change set was already registered",
                            content = @Content(schema = @Schema(implementation = Accepted.class))),
                    @ApiResponse(responseCode = "400", description = "Malformed JSON (with line and column)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "401", description = "Missing or wrong x-api-key", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "403", description = "Another Retail Express client", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "413", description = "Body over the configured limit", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "415", description = "Body not JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "422", description = "Invalid content (pointer names the element) or unknown sales channel", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class))),
                    @ApiResponse(responseCode = "503", description = "Database unavailable; retry after Retry-After seconds", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))})
    Mono<ResponseEntity<Object>> notify(@Parameter(hidden = true) ServerHttpRequest request) {
        return Mono.defer(() -> intake(request))
                .doOnError(ProblemException.class, refusal -> meters.counter("skylink.gateway.eds.rejected",
                        "reason", refusal.problem().kind()).increment());
    }

    private Mono<ResponseEntity<Object>> intake(ServerHttpRequest request) {
        Instant receivedAt = Instant.now();
        // Checked in this order so a caller learns nothing about clients or channels before proving it holds a key.
        if (!apiKeys.accepts(request.getHeaders().getFirst("x-api-key"))) {
            throw new ProblemException(Problem.of("unauthorized", "Unauthorized", 401, "A valid x-api-key header is required"));
        }
        UUID clientId = acceptedClient(request.getQueryParams().getFirst("client_id"));
        int salesChannelId = acceptedChannel(request.getQueryParams().getFirst("channel_id"));
        requireJson(request.getHeaders());
        long maxBytes = properties.maxBodyBytes().toBytes();
        if (request.getHeaders().getContentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return readBody(request.getBody(), maxBytes)
                .map(body -> {
                    long parsing = System.nanoTime();
                    ParsedNotification parsed = parser.parse(body, clientId, salesChannelId);
                    phases.record("parse", System.nanoTime() - parsing);
                    return parsed;
                })
                .flatMap(notification -> register(notification, receivedAt));
    }

    private UUID acceptedClient(String clientId) {
        try {
            if (clientId != null && UUID.fromString(clientId).equals(properties.clientId())) {
                return properties.clientId();
            }
        } catch (IllegalArgumentException notAUuid) {
            // refused below like any other client
        }
        throw new ProblemException(Problem.of("forbidden-client", "Forbidden", 403,
                "This gateway does not accept notifications for client_id " + brief(clientId)));
    }

    private int acceptedChannel(String channelId) {
        try {
            if (channelId != null) {
                int channel = Integer.parseInt(channelId);
                if (properties.salesChannels().contains(channel)) {
                    return channel;
                }
            }
        } catch (NumberFormatException notANumber) {
            // refused below like any other channel
        }
        throw new ProblemException(Problem.of("unknown-sales-channel", "Unknown sales channel", 422,
                "channel_id " + brief(channelId) + " is not a sales channel this gateway syncs"));
    }

    private static void requireJson(HttpHeaders headers) {
        MediaType contentType;
        try {
            contentType = headers.getContentType();
        } catch (InvalidMediaTypeException unparsable) {
            // A Content-Type that is not even a media type ("json", "application/") is as unsupported as text/plain.
            throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "The body must be application/json; the Content-Type header is not a media type"));
        }
        if (contentType == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().endsWith("+json"))) {
            throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "The body must be application/json, not " + (contentType == null ? "unspecified" : contentType)));
        }
    }

    /** Reads at most {@code maxBytes}: a body without (or lying about) Content-Length cannot exhaust memory either. */
    private static Mono<byte[]> readBody(Flux<DataBuffer> body, long maxBytes) {
        return DataBufferUtils.join(body, (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes));
    }

    private Mono<ResponseEntity<Object>> register(ParsedNotification notification, Instant receivedAt) {
        notification.ignoredTypes().forEach(type -> {
            log.warn("EDS type {} is unknown; its entities are recorded as IGNORED", type);
            meters.counter("skylink.gateway.eds.ignored.types", "type", type).increment();
        });
        return phases.timed("register", registry.register(notification.changeSets(), receivedAt, publisher.lease()))
                .onErrorMap(e -> !(e instanceof ProblemException), this::unavailable)
                .flatMap(registrations -> afterRegistration(notification.changeSets(), registrations));
    }

    private Mono<ResponseEntity<Object>> afterRegistration(List<NewChangeSet> changeSets, List<Registration> registrations) {
        count(changeSets, registrations);
        List<Publication> toPublish = registrations.stream().map(Registration::publication).filter(Objects::nonNull).toList();
        if (registrations.stream().anyMatch(r -> r.expansions() > 0)) {
            bulk.wake();
        }
        // A change set with nothing to sync (only unsupported or ignored entities) is complete as registered.
        Mono<Void> acknowledgeComplete = Flux.fromIterable(registrations)
                .filter(r -> r.created() && r.events() == 0)
                .concatMap(r -> acknowledgements.acknowledgeIfComplete(r.changeSetId())
                        .onErrorResume(e -> {
                            log.warn("Could not claim the acknowledgement of {} now; the sweep will: {}", r.changeSetId(), e.toString());
                            return Mono.empty();
                        }))
                .then();
        return acknowledgeComplete
                .then(phases.timed("publish", publisher.publish(toPublish, properties.publishWait())))
                .map(published -> {
                    if (!published) {
                        log.warn("Events of change sets {} not on Kafka within {}; registered, the relay keeps publishing",
                                toPublish.stream().map(Publication::changeSetId).toList(), properties.publishWait());
                    }
                    return answer(changeSets, registrations);
                });
    }

    /** Change sets new and duplicate; entities of new ones per EDS type (unknown types together, to bound the series). */
    private void count(List<NewChangeSet> changeSets, List<Registration> registrations) {
        for (Registration registration : registrations) {
            meters.counter("skylink.gateway.eds.change-sets", "result", registration.created() ? "new" : "duplicate").increment();
            if (!registration.created()) {
                continue;
            }
            changeSets.stream().filter(c -> c.id().equals(registration.changeSetId())).findFirst().ifPresent(changeSet ->
                    changeSet.entities().stream()
                            .collect(Collectors.groupingBy(e -> e.disposition() == EntityDisposition.IGNORED ? "unknown" : e.edsType(),
                                    Collectors.counting()))
                            .forEach((type, entities) -> meters.counter("skylink.gateway.eds.entities", "type", type).increment(entities)));
        }
    }

    private static ResponseEntity<Object> answer(List<NewChangeSet> changeSets, List<Registration> registrations) {
        // Answer in the order RE sent the change sets (registration order is sorted by id).
        List<Accepted> accepted = changeSets.stream()
                .map(changeSet -> registrations.stream().filter(r -> r.changeSetId().equals(changeSet.id())).findFirst().orElseThrow())
                .map(r -> new Accepted(r.changeSetId(), r.created() ? 201 : 202, r.entities()))
                .toList();
        HttpStatus status = accepted.stream().anyMatch(a -> a.status() == 201) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        Object body = accepted.size() == 1 ? accepted.getFirst() : accepted;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ProblemException unavailable(Throwable cause) {
        log.error("Could not register a notification; answering 503 so RE retries: {}", cause.toString());
        return ProblemException.unavailable("The change set registry is unavailable; nothing was registered. Retry later.",
                RETRY_AFTER);
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problem.of("body-too-large", "Content Too Large", 413,
                "The body exceeds the limit of " + maxBytes + " bytes"));
    }

    private static String brief(String value) {
        if (value == null) {
            return "(missing)";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
