package com.skylinksync.gateway.outbox;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.signal.WakeUps;
import com.skylinksync.gateway.tracing.ChangeSetTraces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Drains the outbox to Kafka. Each batch is one database transaction: claim rows with {@code FOR UPDATE SKIP LOCKED}
 * (so replicas never publish the same row at the same time), publish them with the idempotent producer, wait for
 * Kafka's acknowledgements ({@code acks=all}), delete the published rows, commit. A crash before the commit leaves
 * the rows for the next drain: events are published at least once, and never lost.
 *
 * <p>It drains on a short poll interval (rows left by a crash, another replica or a Kafka outage) and at once when
 * woken after a registration, so a notification is usually answered within one Kafka round trip.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How often a waiting request re-checks the outbox itself, in case another replica published its rows. */
    private static final Duration RECHECK = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ChangeSetTraces traces;
    private final GatewayProperties properties;
    private final Counter publishedEvents;
    private final Counter failedEvents;
    private final WakeUps wakeups = new WakeUps();
    private final Sinks.Many<String> publishedChangeSets = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<Running> running = new AtomicReference<>();

    OutboxRelay(DatabaseClient db, TransactionalOperator transactions, KafkaTemplate<String, byte[]> kafka,
                ChangeSetTraces traces, GatewayProperties properties, MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.kafka = kafka;
        this.traces = traces;
        this.properties = properties;
        this.publishedEvents = Counter.builder("skylink.gateway.outbox.published")
                .description("Events published from the outbox and acknowledged by Kafka").register(meters);
        this.failedEvents = Counter.builder("skylink.gateway.outbox.publish.failures")
                .description("Event publications that failed and were left in the outbox to retry").register(meters);
    }

    /** Asks for a drain now (after a registration committed). Cheap; wake-ups during a drain collapse into one more. */
    public void wake() {
        wakeups.wake();
    }

    /**
     * Completes with true once no outbox row of these change sets is left (all their events are on Kafka),
     * or with false when {@code max} passes first or the outbox cannot be read.
     */
    public Mono<Boolean> awaitPublished(Set<String> changeSetIds, Duration max) {
        if (changeSetIds.isEmpty()) {
            return Mono.just(true);
        }
        String[] ids = changeSetIds.toArray(String[]::new);
        Flux<Object> triggers = Flux.merge(
                publishedChangeSets.asFlux().filter(changeSetIds::contains),
                Flux.interval(Duration.ZERO, RECHECK));
        return triggers.onBackpressureLatest()
                .concatMap(trigger -> pendingEvents(ids), 1)
                .filter(pending -> pending == 0)
                .next()
                .map(pending -> true)
                .timeout(max, Mono.just(false))
                .onErrorResume(e -> {
                    log.warn("Could not check whether change sets {} are published: {}", changeSetIds, e.toString());
                    return Mono.just(false);
                });
    }

    private Mono<Long> pendingEvents(String[] changeSetIds) {
        return db.sql("SELECT count(*) AS pending FROM outbox WHERE change_set_id = ANY(:ids)")
                .bind("ids", changeSetIds)
                .map(row -> row.get("pending", Long.class))
                .one();
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            log.warn("Outbox relay disabled (skylink.gateway.relay-enabled=false): this replica publishes nothing");
            return;
        }
        Sinks.Empty<Void> stop = Sinks.empty();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ticks stop first, so a drain in progress finishes (and commits) before the relay reports itself stopped.
        Disposable subscription = Flux.merge(Flux.interval(Duration.ZERO, properties.relayPollInterval()).map(tick -> true),
                        wakeups.asFlux())
                .takeUntilOther(stop.asMono())
                .onBackpressureLatest()
                .concatMap(trigger -> drain(), 1)
                .doFinally(signal -> stopped.countDown())
                .subscribe();
        running.set(new Running(subscription, stop, stopped));
        log.info("Outbox relay started (poll every {}, batches of {})", properties.relayPollInterval(), properties.relayBatchSize());
    }

    @Override
    public void stop() {
        Running current = running.getAndSet(null);
        if (current == null) {
            return;
        }
        current.stop().tryEmitEmpty();
        try {
            if (!current.stopped().await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Outbox relay did not finish its drain within {}; its rows stay for the next drain", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            current.subscription().dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }

    /** Publishes batch after batch until the outbox is empty or a publication fails (the next poll retries). */
    private Mono<Void> drain() {
        return publishBatch()
                .expand(batch -> batch.full(properties.relayBatchSize()) && batch.failed() == 0 ? publishBatch() : Mono.empty())
                .then()
                .onErrorResume(e -> {
                    log.warn("Outbox drain failed, will retry in {}: {}", properties.relayPollInterval(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Batch> publishBatch() {
        // The change set's trace comes along, so its events are published in (and carry) the trace of its EDS request.
        Flux<Batch> inTransaction = db.sql("""
                        SELECT o.id, o.change_set_id, o.topic, o.message_key, o.payload, c.trace_id, c.trace_parent
                        FROM outbox o LEFT JOIN change_set c ON c.id = o.change_set_id
                        ORDER BY o.id LIMIT :limit FOR UPDATE OF o SKIP LOCKED""")
                .bind("limit", properties.relayBatchSize())
                .map(row -> new Claimed(row.get("id", Long.class), row.get("change_set_id", String.class),
                        row.get("topic", String.class), row.get("message_key", String.class), row.get("payload", byte[].class),
                        row.get("trace_id", UUID.class), row.get("trace_parent", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(Batch.EMPTY) : publish(rows).flatMap(this::recordOutcome))
                .flux();
        // collectList after the transaction: its value arrives only once the commit is done, so nobody is told
        // "published" about rows a rollback could still bring back.
        return transactions.transactional(inTransaction)
                .collectList()
                .map(batches -> batches.isEmpty() ? Batch.EMPTY : batches.getFirst())
                .doOnNext(this::announce);
    }

    private Mono<List<Sent>> publish(List<Claimed> rows) {
        // send() may block for metadata (max.block.ms): keep it off the database driver's event loop.
        return Mono.fromCallable(() -> {
                    Map<Long, CompletableFuture<?>> byId = new HashMap<>();
                    Map<String, List<Claimed>> byChangeSet = new LinkedHashMap<>();
                    rows.forEach(row -> byChangeSet.computeIfAbsent(row.changeSetId(), id -> new ArrayList<>()).add(row));
                    // One span per change set and batch (not per event: a bulk change set has thousands).
                    byChangeSet.forEach((changeSetId, ofChangeSet) -> {
                        Claimed first = ofChangeSet.getFirst();
                        Span span = traces.continued("outbox publish", first.traceParent(), first.traceId())
                                .tag("skylink.change.set.id", changeSetId)
                                .tag("skylink.events", Integer.toString(ofChangeSet.size()));
                        traces.within(span, () -> ofChangeSet.forEach(row -> byId.put(row.id(), send(row, span))));
                    });
                    List<CompletableFuture<?>> futures = new ArrayList<>(rows.size());
                    rows.forEach(row -> futures.add(byId.get(row.id())));
                    return futures;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(futures -> Flux.range(0, rows.size())
                        .concatMap(i -> Mono.fromFuture(futures.get(i))
                                .thenReturn(new Sent(rows.get(i), null))
                                .onErrorResume(e -> Mono.just(new Sent(rows.get(i), e))))
                        .collectList());
    }

    private CompletableFuture<?> send(Claimed row, Span span) {
        try {
            var record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            traces.inject(span, record.headers());
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Mono<Batch> recordOutcome(List<Sent> sent) {
        Long[] published = sent.stream().filter(s -> s.error() == null).map(s -> s.row().id()).toArray(Long[]::new);
        List<Sent> failures = sent.stream().filter(s -> s.error() != null).toList();
        Set<String> changeSets = new LinkedHashSet<>();
        sent.stream().filter(s -> s.error() == null).forEach(s -> changeSets.add(s.row().changeSetId()));
        Mono<Long> delete = published.length == 0 ? Mono.just(0L) : db.sql("DELETE FROM outbox WHERE id = ANY(:ids)")
                .bind("ids", published).fetch().rowsUpdated();
        Mono<Long> markFailed = Mono.just(0L);
        if (!failures.isEmpty()) {
            Throwable first = failures.getFirst().error();
            String error = first.getClass().getSimpleName() + ": " + first.getMessage();
            log.warn("{} of {} outbox events not acknowledged by Kafka, left to retry: {}", failures.size(), sent.size(), error);
            markFailed = db.sql("UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id = ANY(:ids)")
                    .bind("error", error)
                    .bind("ids", failures.stream().map(s -> s.row().id()).toArray(Long[]::new))
                    .fetch().rowsUpdated();
        }
        return delete.then(markFailed).thenReturn(new Batch(sent.size(), published.length, failures.size(), changeSets));
    }

    private void announce(Batch batch) {
        if (batch.published() > 0) {
            publishedEvents.increment(batch.published());
            log.debug("Published {} outbox events of change sets {}", batch.published(), batch.changeSets());
        }
        if (batch.failed() > 0) {
            failedEvents.increment(batch.failed());
        }
        batch.changeSets().forEach(id -> publishedChangeSets.tryEmitNext(id)); // waiters also re-check on their own
    }

    private record Claimed(long id, String changeSetId, String topic, String key, byte[] payload, UUID traceId,
                           String traceParent) {
    }

    private record Sent(Claimed row, Throwable error) {
    }

    private record Batch(int claimed, int published, int failed, Set<String> changeSets) {
        static final Batch EMPTY = new Batch(0, 0, 0, Set.of());

        boolean full(int batchSize) {
            return claimed >= batchSize;
        }
    }

    private record Running(Disposable subscription, Sinks.Empty<Void> stop, CountDownLatch stopped) {
    }
}
