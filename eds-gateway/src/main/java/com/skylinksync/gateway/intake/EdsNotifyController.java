package com.skylinksync.gateway.intake;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.acknowledgement.Acknowledgements;
import com.skylinksync.gateway.changesets.ChangeSetRegistry;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.gateway.changesets.Registration;
import com.skylinksync.gateway.outbox.OutboxRelay;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
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
    private final OutboxRelay relay;
    private final Acknowledgements acknowledgements;
    private final MeterRegistry meters;

    EdsNotifyController(GatewayProperties properties, ChangeSetRegistry registry, OutboxRelay relay,
                        Acknowledgements acknowledgements, MeterRegistry meters) {
        this.properties = properties;
        this.apiKeys = new ApiKeys(properties.apiKeys());
        this.parser = new NotificationParser(properties.maxEntities());
        this.registry = registry;
        this.relay = relay;
        this.acknowledgements = acknowledgements;
        this.meters = meters;
    }

    @PutMapping("/eds/notify")
    Mono<ResponseEntity<Object>> notify(ServerHttpRequest request) {
        Instant receivedAt = Instant.now();
        // Checked in this order so a caller learns nothing about clients or channels before proving it holds a key.
        if (!apiKeys.accepts(request.getHeaders().getFirst("x-api-key"))) {
            throw new ProblemException(Problem.of("unauthorized", "Unauthorized", 401, "A valid x-api-key header is required"));
        }
        UUID clientId = acceptedClient(request.getQueryParams().getFirst("client_id"));
        int salesChannelId = acceptedChannel(request.getQueryParams().getFirst("channel_id"));
        requireJson(request.getHeaders().getContentType());
        long maxBytes = properties.maxBodyBytes().toBytes();
        if (request.getHeaders().getContentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return readBody(request.getBody(), maxBytes)
                .map(body -> parser.parse(body, clientId, salesChannelId))
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

    private static void requireJson(MediaType contentType) {
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
        return registry.register(notification.changeSets(), receivedAt)
                .onErrorMap(e -> !(e instanceof ProblemException), this::unavailable)
                .flatMap(registrations -> afterRegistration(notification.changeSets(), registrations));
    }

    private Mono<ResponseEntity<Object>> afterRegistration(List<NewChangeSet> changeSets, List<Registration> registrations) {
        registrations.forEach(r -> meters.counter("skylink.gateway.eds.change-sets", "result", r.created() ? "new" : "repeat").increment());
        Set<String> toPublish = registrations.stream().filter(r -> r.created() && r.events() > 0)
                .map(Registration::changeSetId).collect(Collectors.toSet());
        if (!toPublish.isEmpty()) {
            relay.wake();
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
                .then(relay.awaitPublished(toPublish, properties.publishWait()))
                .map(published -> {
                    if (!published) {
                        log.warn("Events of change sets {} not on Kafka within {}; registered, the relay keeps publishing",
                                toPublish, properties.publishWait());
                    }
                    return answer(changeSets, registrations);
                });
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
