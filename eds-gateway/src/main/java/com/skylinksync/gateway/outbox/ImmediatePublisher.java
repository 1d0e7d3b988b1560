package com.skylinksync.gateway.outbox;

import com.skylinksync.gateway.GatewayProperties;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes an EDS notification's events as soon as their registration has committed, from memory, instead of
 * waking the relay to read them back: the request that wrote the outbox row (leased to it, {@link #lease()}) sends its
 * events, waits for Kafka's acknowledgements ({@code acks=all}) and deletes the row. Should that fail, it hands the
 * row back to the relay at once; should the gateway die meanwhile, the relay takes the row when the lease runs out.
 * Either way the events were durable from the commit on.
 */
@Component
public class ImmediatePublisher {

    private static final Logger log = LoggerFactory.getLogger(ImmediatePublisher.class);
    /** Beyond the producer's delivery timeout, so a lease never runs out while its events may still be sent. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final EventSender sender;
    private final OutboxRelay relay;
    private final GatewayProperties properties;
    private final Duration lease;

    ImmediatePublisher(DatabaseClient db, EventSender sender, OutboxRelay relay, GatewayProperties properties,
                       KafkaTemplate<String, byte[]> kafka) {
        this.db = db;
        this.sender = sender;
        this.relay = relay;
        this.properties = properties;
        Object deliveryTimeout = kafka.getProducerFactory().getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        this.lease = Duration.ofMillis(deliveryTimeout == null ? 120_000 : Long.parseLong(deliveryTimeout.toString())).plus(LEASE_MARGIN);
    }

    /**
     * How long a row written for this publisher is left alone by the relay; null when this replica publishes nothing
     * (the relay is disabled), so the rows are there for another replica's relay at once.
     */
    public Duration lease() {
        return properties.relayEnabled() ? lease : null;
    }

    /**
     * Completes with true once every event of these publications is acknowledged by Kafka, or with false when
     * {@code max} passes first; the publication goes on regardless, and what is not acknowledged stays in the outbox.
     */
    public Mono<Boolean> publish(List<Publication> publications, Duration max) {
        if (publications.isEmpty()) {
            return Mono.just(true);
        }
        Set<String> changeSetIds = publications.stream().map(Publication::changeSetId).collect(Collectors.toSet());
        if (!properties.relayEnabled()) {
            return relay.awaitPublished(changeSetIds, max);
        }
        long deadline = System.nanoTime() + max.toNanos();
        Sinks.One<Boolean> published = Sinks.one();
        // Subscribed on its own: a request that stops waiting (publish-wait) must not cancel sends already under way.
        sender.send(publications.stream().map(p -> new EventSender.Outgoing(p.changeSetId(), p.traceParent(), p.traceId(),
                        p.messages().stream().map(m -> new OutboxEvents.Event(m.topic(), m.key(), m.payload())).toList())).toList())
                .flatMap(failures -> {
                    Throwable failure = failures.stream().flatMap(List::stream).filter(Objects::nonNull).findFirst().orElse(null);
                    return failure == null ? Mono.just(true) : handBack(publications, failure);
                })
                .onErrorResume(e -> handBack(publications, e))
                .onErrorResume(e -> {
                    // The database failed too: the rows are the relay's once their lease runs out.
                    log.warn("Could not hand change sets {} back to the relay: {}", changeSetIds, e.toString());
                    return Mono.just(false);
                })
                .subscribe(done -> {
                    if (done) {
                        // On Kafka: the answer need not wait for the row's removal. Should it fail, the lease runs
                        // out and the relay publishes the events once more (at least once, never lost).
                        published.tryEmitValue(true);
                        delete(publications).subscribe(deleted -> { }, e -> log.warn(
                                "Could not delete the published outbox rows of {}; the relay republishes them after the lease: {}",
                                changeSetIds, e.toString()));
                    } else {
                        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                        relay.awaitPublished(changeSetIds, left).subscribe(published::tryEmitValue);
                    }
                });
        return published.asMono().timeout(max, Mono.just(false));
    }

    private Mono<Long> delete(List<Publication> publications) {
        return db.sql("DELETE FROM outbox WHERE id = ANY(:ids)")
                .bind("ids", publications.stream().map(Publication::outboxId).toArray(Long[]::new))
                .fetch().rowsUpdated();
    }

    /** Some events were not acknowledged: the rows go back to the relay whole (their other events may go out twice). */
    private Mono<Boolean> handBack(List<Publication> publications, Throwable failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        log.warn("Events of change sets {} not acknowledged by Kafka; left to the relay: {}",
                publications.stream().map(Publication::changeSetId).toList(), error);
        return db.sql("UPDATE outbox SET claimed_until = NULL, attempts = attempts + 1, last_error = :error WHERE id = ANY(:ids)")
                .bind("error", error)
                .bind("ids", publications.stream().map(Publication::outboxId).toArray(Long[]::new))
                .fetch().rowsUpdated()
                .doOnSuccess(updated -> relay.wake())
                .thenReturn(false);
    }
}
