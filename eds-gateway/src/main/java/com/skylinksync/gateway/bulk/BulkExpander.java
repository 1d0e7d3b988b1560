package com.skylinksync.gateway.bulk;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.signal.WakeUps;
import com.skylinksync.gateway.acknowledgement.Acknowledgements;
import com.skylinksync.gateway.outbox.OutboxMessage;
import com.skylinksync.gateway.outbox.OutboxRelay;
import com.skylinksync.gateway.outbox.OutboxWriter;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.TraceIds;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.Origin;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Expands bulk entities ({@code SalesChannel}: every product of a channel; {@code BulkCustomer}: every customer) into
 * the entities they stand for, in the background: one RE call enumerates the ids, then each chunk of ids joins the
 * change set and the outbox in one transaction (origin {@code BULK}), so a crash at any point loses nothing and a
 * retry publishes nothing twice. The enumerated entities belong to the change set, so RE's acknowledgement still
 * means "everything it asked for is synced".
 */
@Component
public class BulkExpander implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkExpander.class);

    private final BulkQueue queue;
    private final TransactionalOperator transactions;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final Acknowledgements acknowledgements;
    private final BulkSources sources;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final WakeUps wakeups = new WakeUps();
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    BulkExpander(BulkQueue queue, TransactionalOperator transactions, OutboxWriter outbox, OutboxRelay relay,
                 Acknowledgements acknowledgements, BulkSources sources, GatewayProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.transactions = transactions;
        this.outbox = outbox;
        this.relay = relay;
        this.acknowledgements = acknowledgements;
        this.sources = sources;
        this.properties = properties;
        this.meters = meters;
    }

    /** Asks for a look at the queue now (after a registration queued bulk entities). */
    public void wake() {
        wakeups.wake();
    }

    @Override
    public void start() {
        // One expansion at a time per replica: each is one heavy RE call and many inserts; replicas share the queue.
        Disposable loop = Flux.merge(Flux.interval(Duration.ZERO, properties.bulkPollInterval()).map(tick -> true), wakeups.asFlux())
                .onBackpressureLatest()
                .concatMap(trigger -> expandAllDue(), 1)
                .subscribe();
        running.set(loop);
    }

    @Override
    public void stop() {
        Disposable loop = running.getAndSet(null);
        if (loop != null) {
            loop.dispose(); // an expansion cut short stays claimed; after its lease any replica redoes it, idempotently
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }

    private Mono<Void> expandAllDue() {
        return claimAndExpand()
                .expand(expanded -> claimAndExpand()) // until nothing is due
                .then()
                .onErrorResume(e -> {
                    log.warn("Bulk expansion loop failed, next look in {}: {}", properties.bulkPollInterval(), e.toString());
                    return Mono.empty();
                });
    }

    /** Ids are canonical digits (no sign, no leading zeros), so text equality is exact, and an id past int range is simply no channel. */
    private boolean configuredChannel(String channelId) {
        return properties.salesChannels().stream().anyMatch(channel -> channel.toString().equals(channelId));
    }

    private Mono<Boolean> claimAndExpand() {
        return queue.claimNext(properties.bulkLease()).flatMap(request -> expand(request).thenReturn(true));
    }

    /** One bulk request, start to end; its own failures are recorded on it, never thrown. */
    Mono<Void> expand(BulkRequest request) {
        BulkKind kind = BulkKind.of(request.edsType());
        if ((kind == BulkKind.SALES_CHANNEL || kind == BulkKind.CHANNEL_OUTLETS) && !configuredChannel(request.entityId())) {
            log.warn("{}: channel {} is not a sales channel this gateway syncs; recorded as IGNORED", request, request.entityId());
            return transactions.transactional(queue.giveUp(request, "IGNORED", "UNKNOWN_SALES_CHANNEL",
                            "Sales channel " + request.entityId() + " is not synced by this gateway"))
                    .then(acknowledgeIfComplete(request));
        }
        Instant started = Instant.now();
        return Mono.fromCallable(() -> kind.enumerate(sources, request))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ids -> addInChunks(request, kind, ids)
                        .flatMap(added -> transactions.transactional(queue.finish(request, ids.size()))
                                .doOnSuccess(done -> {
                                    meters.counter("skylink.gateway.bulk.enumerated", "type", request.edsType()).increment(ids.size());
                                    log.info("{} expanded: {} entities enumerated, {} added, in {} ms", request, ids.size(), added,
                                            Duration.between(started, Instant.now()).toMillis());
                                })))
                .then(Mono.defer(() -> acknowledgeIfComplete(request)))
                .onErrorResume(e -> failed(request, e));
    }

    private Mono<Integer> addInChunks(BulkRequest request, BulkKind kind, List<BulkKind.Enumerated> ids) {
        List<List<BulkKind.Enumerated>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += properties.bulkChunkSize()) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + properties.bulkChunkSize())));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> transactions.transactional(queue.addEntities(request, kind, chunk).collectList()
                                .flatMap(added -> outbox.append(events(request, kind, added)).thenReturn(added.size())))
                        .doOnNext(added -> {
                            if (added > 0) {
                                relay.wake();
                            }
                        }))
                .reduce(0, Integer::sum);
    }

    private List<OutboxMessage> events(BulkRequest request, BulkKind kind, List<BulkKind.Enumerated> entities) {
        Instant now = Instant.now();
        // Bulk work goes to the backlog topic: EDS changes made meanwhile are never queued behind it.
        String topic = Topics.forEvent(kind.entityType(), Origin.BULK);
        List<OutboxMessage> messages = new ArrayList<>(entities.size());
        for (BulkKind.Enumerated entity : entities) {
            EntityChanged event = EntityChanged.newBuilder()
                    .setChangeSetId(request.changeSetId())
                    .setOrigin(Origin.BULK)
                    .setClientId(request.clientId().toString())
                    .setSalesChannelId(kind.channel(request))
                    .setEntityType(kind.entityType())
                    .setEntityId(entity.entityId())
                    .setAttributeCode(entity.attributeCode())
                    .setObservedAt(now)
                    .setTraceId(TraceIds.w3c(request.traceId()))
                    .build();
            messages.add(new OutboxMessage(request.changeSetId(), topic, EntityKey.of(event), serializer.serialize(topic, event), now));
        }
        return messages;
    }

    /** An empty channel (or a bulk entity given up on) may be what completes the change set. */
    private Mono<Void> acknowledgeIfComplete(BulkRequest request) {
        return acknowledgements.acknowledgeIfComplete(request.changeSetId())
                .onErrorResume(e -> {
                    log.warn("Could not claim the acknowledgement of {} now; the sweep will: {}", request.changeSetId(), e.toString());
                    return Mono.empty();
                });
    }

    /**
     * Throttling, transport faults and a database outage pass: retried with backoff (doubling, at most the lease).
     * A refusal RE will repeat (bad credentials, a business error) dead-letters the bulk entity with the reason.
     */
    private Mono<Void> failed(BulkRequest request, Throwable error) {
        boolean permanent = error instanceof RetailExpressException
                && !(error instanceof RetailExpressException.Transient || error instanceof RetailExpressException.Throttled);
        meters.counter("skylink.gateway.bulk.failures", "type", request.edsType(), "permanent", Boolean.toString(permanent)).increment();
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (permanent) {
            log.warn("{} cannot be enumerated; dead-lettered: {}", request, reason);
            return transactions.transactional(queue.giveUp(request, "DEAD_LETTERED", "BULK_ENUMERATION_FAILED", reason))
                    .then(acknowledgeIfComplete(request))
                    .onErrorResume(e -> {
                        log.warn("Could not record the failure of {}; it is retried after its lease: {}", request, e.toString());
                        return Mono.empty();
                    });
        }
        long factor = 1L << Math.min(20, Math.max(0, request.attempts() - 1));
        Duration delay = properties.bulkRetryBackoff().multipliedBy(factor);
        if (delay.compareTo(properties.bulkLease()) > 0) {
            delay = properties.bulkLease();
        }
        log.warn("{} not enumerated (attempt {}), retrying in {}: {}", request, request.attempts(), delay, reason);
        return queue.retryLater(request, delay, reason)
                .onErrorResume(e -> {
                    log.warn("Could not schedule the retry of {}; it is retried after its lease: {}", request, e.toString());
                    return Mono.empty();
                });
    }
}
