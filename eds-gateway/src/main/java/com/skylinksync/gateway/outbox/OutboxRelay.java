package com.skylinksync.gateway.outbox;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.signal.WakeUps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Drains the outbox to Kafka. Each batch is one database transaction: claim rows with {@code FOR UPDATE SKIP LOCKED}
 * (so replicas never publish the same row at the same time), publish them with the idempotent producer, wait for
 * Kafka's acknowledgements ({@code acks=all}), delete the published rows, commit. A crash before the commit leaves
 * the rows for the next drain: events are published at least once, and never lost.
 *
 * <p>An EDS notification publishes its own events ({@link ImmediatePublisher}); the relay drains on a short poll
 * interval what is left (by a crash, another replica, a Kafka outage) and at once when woken after other writers
 * (bulk expansion, redrives, single syncs, drift heals). It reads both row shapes: one row of framed events per
 * registration (V9), and one event per row as written before.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How often a waiting request re-checks the outbox itself, in case another replica published its rows. */
    private static final Duration RECHECK = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final EventSender sender;
    private final GatewayProperties properties;
    private final WakeUps wakeups = new WakeUps();
    private final Sinks.Many<String> publishedChangeSets = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<Running> running = new AtomicReference<>();

    OutboxRelay(DatabaseClient db, TransactionalOperator transactions, EventSender sender, GatewayProperties properties) {
        this.db = db;
        this.transactions = transactions;
        this.sender = sender;

        this.properties = properties;
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
                .expand(batch -> batch.more() && batch.failed() == 0 ? publishBatch() : Mono.empty())
                .then()
                .onErrorResume(e -> {
                    log.warn("Outbox drain failed, will retry in {}: {}", properties.relayPollInterval(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Batch> publishBatch() {
        // Claim rows (locked until this transaction ends, so no other replica or request publishes them meanwhile),
        // then read the events of those that fit the batch: a row is taken whole, so a bigger one goes out alone.
        Flux<Batch> inTransaction = db.sql("""
                        SELECT id, event_count FROM outbox WHERE claimed_until IS NULL OR claimed_until < now()
                        ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", properties.relayBatchSize())
                .map(row -> new long[] {row.get("id", Long.class), row.get("event_count", Integer.class)})
                .all()
                .collectList()
                .flatMap(locked -> {
                    if (locked.isEmpty()) {
                        return Mono.just(Batch.EMPTY);
                    }
                    Long[] ids = fitting(locked);
                    boolean more = ids.length < locked.size() || locked.size() >= properties.relayBatchSize();
                    return read(ids).flatMap(this::publish).flatMap(sent -> recordOutcome(sent, more));
                })
                .flux();
        // collectList after the transaction: its value arrives only once the commit is done, so nobody is told
        // "published" about rows a rollback could still bring back.
        return transactions.transactional(inTransaction)
                .collectList()
                .map(batches -> batches.isEmpty() ? Batch.EMPTY : batches.getFirst())
                .doOnNext(this::announce);
    }

    private Long[] fitting(List<long[]> locked) {
        List<Long> ids = new ArrayList<>();
        long events = 0;
        for (long[] row : locked) {
            if (!ids.isEmpty() && events + row[1] > properties.relayBatchSize()) {
                break;
            }
            ids.add(row[0]);
            events += row[1];
        }
        return ids.toArray(Long[]::new);
    }

    private Mono<List<Claimed>> read(Long[] ids) {
        // The change set's trace comes along, so its events are published in (and carry) the trace of its EDS request.
        return db.sql("""
                        SELECT o.id, o.change_set_id, o.topic, o.message_key, o.payload, o.events, c.trace_id, c.trace_parent
                        FROM outbox o LEFT JOIN change_set c ON c.id = o.change_set_id
                        WHERE o.id = ANY(:ids) ORDER BY o.id""")
                .bind("ids", ids)
                .map(row -> {
                    byte[] framed = row.get("events", byte[].class);
                    // A row written before V9 holds one event in its own columns.
                    List<OutboxEvents.Event> events = framed != null ? OutboxEvents.decode(framed)
                            : List.of(new OutboxEvents.Event(row.get("topic", String.class), row.get("message_key", String.class),
                            row.get("payload", byte[].class)));
                    return new Claimed(row.get("id", Long.class), framed != null, new EventSender.Outgoing(
                            row.get("change_set_id", String.class), row.get("trace_parent", String.class),
                            row.get("trace_id", UUID.class), events));
                })
                .all()
                .collectList();
    }

    private Mono<List<Sent>> publish(List<Claimed> rows) {
        return sender.send(rows.stream().map(Claimed::outgoing).toList())
                .map(failures -> {
                    List<Sent> sent = new ArrayList<>(rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        sent.add(new Sent(rows.get(i), failures.get(i)));
                    }
                    return sent;
                });
    }

    /** Deletes what Kafka acknowledged; a row some of whose events failed keeps just those, to retry. */
    private Mono<Batch> recordOutcome(List<Sent> sent, boolean more) {
        Long[] published = sent.stream().filter(Sent::allAcknowledged).map(s -> s.row().id()).toArray(Long[]::new);
        List<Sent> failed = sent.stream().filter(s -> !s.allAcknowledged()).toList();
        Set<String> changeSets = new LinkedHashSet<>();
        sent.stream().filter(Sent::allAcknowledged).forEach(s -> changeSets.add(s.row().outgoing().changeSetId()));
        Mono<Long> delete = published.length == 0 ? Mono.just(0L) : db.sql("DELETE FROM outbox WHERE id = ANY(:ids)")
                .bind("ids", published).fetch().rowsUpdated();
        int events = sent.stream().mapToInt(s -> s.row().outgoing().events().size()).sum();
        int failedEvents = failed.stream().mapToInt(Sent::failedEvents).sum();
        Mono<Void> keepFailed = Flux.fromIterable(failed).concatMap(this::keepFailed).then();
        if (!failed.isEmpty()) {
            log.warn("{} of {} outbox events not acknowledged by Kafka, left to retry: {}", failedEvents, events,
                    failed.getFirst().error());
        }
        return delete.then(keepFailed).thenReturn(new Batch(more, events - failedEvents, failedEvents, changeSets));
    }

    private Mono<Long> keepFailed(Sent sent) {
        String error = sent.error();
        if (!sent.row().framed()) {
            return db.sql("UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                    .bind("error", error).bind("id", sent.row().id()).fetch().rowsUpdated();
        }
        List<OutboxEvents.Event> left = new ArrayList<>();
        List<OutboxEvents.Event> events = sent.row().outgoing().events();
        for (int i = 0; i < events.size(); i++) {
            if (sent.failures().get(i) != null) {
                left.add(events.get(i));
            }
        }
        return db.sql("""
                        UPDATE outbox SET events = :events, message_keys = :keys, event_count = :count,
                               attempts = attempts + 1, last_error = :error
                        WHERE id = :id""")
                .bind("events", OutboxEvents.encode(left))
                .bind("keys", left.stream().map(OutboxEvents.Event::key).toArray(String[]::new))
                .bind("count", left.size())
                .bind("error", error)
                .bind("id", sent.row().id())
                .fetch().rowsUpdated();
    }

    private void announce(Batch batch) {
        if (batch.published() > 0) {
            log.debug("Published {} outbox events of change sets {}", batch.published(), batch.changeSets());
        }
        batch.changeSets().forEach(id -> publishedChangeSets.tryEmitNext(id)); // waiters also re-check on their own
    }

    /** A claimed row: its id, whether it is in the framed format (V9), its events. */
    private record Claimed(long id, boolean framed, EventSender.Outgoing outgoing) {
    }

    /** A row's events as Kafka answered them: per event, its failure or null. */
    private record Sent(Claimed row, List<Throwable> failures) {

        boolean allAcknowledged() {
            return failures.stream().allMatch(java.util.Objects::isNull);
        }

        int failedEvents() {
            return (int) failures.stream().filter(java.util.Objects::nonNull).count();
        }

        String error() {
            Throwable first = failures.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            return first == null ? null : first.getClass().getSimpleName() + ": " + first.getMessage();
        }
    }

    /** One drained batch: whether more rows may be waiting, events published and failed, their change sets. */
    private record Batch(boolean more, int published, int failed, Set<String> changeSets) {
        static final Batch EMPTY = new Batch(false, 0, 0, Set.of());
    }

    private record Running(Disposable subscription, Sinks.Empty<Void> stop, CountDownLatch stopped) {
    }
}
