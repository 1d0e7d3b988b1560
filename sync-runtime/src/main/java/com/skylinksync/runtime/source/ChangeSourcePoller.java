package com.skylinksync.runtime.source;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.schemas.TraceIds;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.Origin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Runs one {@link ChangeSource}: every {@code interval}, claims the source's lease, reads its changes from the
 * persisted cursor, publishes each as an {@code EntityChanged} (origin {@code POLL}, keyed by entity id, so one
 * entity's changes stay in order), waits until Kafka has them all, and only then moves the cursor. A pod that dies
 * mid-poll has moved nothing: the next holder of the lease re-reads and republishes from the same cursor (at least
 * once; connectors recognise what the target already holds). On stop the lease is given up at once.
 */
public final class ChangeSourcePoller {

    private static final Logger log = LoggerFactory.getLogger(ChangeSourcePoller.class);

    private final ChangeSource source;
    private final SourceCursors cursors;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Counter published;
    private final Tracer tracer;
    private final Clock clock;
    private final String owner = "source-" + UUID.randomUUID();
    private final String topic;
    private ScheduledExecutorService timer;
    private volatile boolean stopped;

    ChangeSourcePoller(ChangeSource source, SourceCursors cursors, KafkaTemplate<String, SpecificRecord> kafka,
                       MeterRegistry registry, Tracer tracer, Clock clock) {
        this.source = source;
        this.tracer = tracer;
        this.cursors = cursors;
        this.kafka = kafka;
        this.clock = clock;
        this.topic = Topics.forEntityType(source.entityType());
        this.published = Counter.builder("skylink.sync.source.changes").tag("source", source.name())
                .description("Changes a change source found and published").register(registry);
    }

    /** The source this poller runs. */
    public ChangeSource source() {
        return source;
    }

    /**
     * One poll now (the test kit calls it; the timer does otherwise), if this pod holds (or can take) the lease: every
     * page of changes, each published before the cursor moves. One poll at a time: the lease keeps other pods out,
     * not this pod's timer, and two polls of one owner would interleave their cursor moves — the cursor could go back
     * and an entity's older change be published after its newer one.
     */
    public synchronized void pollOnce() {
        Optional<String> claimed = cursors.claim(source.name(), owner, source.schedule().lease(), source.initialCursor());
        if (claimed.isEmpty()) {
            return; // another pod polls this source
        }
        String cursor = claimed.get();
        ChangeSource.Batch batch;
        do {
            batch = source.poll(cursor);
            publish(batch.changes());
            if (!cursors.advance(source.name(), owner, batch.nextCursor())) {
                log.warn("Lost the lease of change source {} mid-poll; its new holder continues from the stored cursor",
                        source.name());
                return;
            }
            cursor = batch.nextCursor();
        } while (batch.more() && !stopped);
    }

    private void publish(List<ChangeSource.Change> changes) {
        List<CompletableFuture<?>> sends = new ArrayList<>(changes.size());
        for (ChangeSource.Change change : changes) {
            // Each change found starts a trace of its own, which its record's headers carry to the sync that pushes it.
            Span span = tracer.nextSpan().name("change found " + source.name())
                    .tag("skylink.entity.id", change.entityId()).start();
            try (Tracer.SpanInScope inScope = tracer.withSpan(span)) {
                String traceId = TraceIds.w3c(span.context().traceId());
                EntityChanged event = EntityChanged.newBuilder()
                        .setChangeSetId(null).setOrigin(Origin.POLL).setClientId(null).setSalesChannelId(null)
                        .setEntityType(source.entityType()).setEntityId(change.entityId()).setAttributeCode(null)
                        .setVersion(change.version()).setSnapshot(change.snapshot())
                        .setObservedAt(clock.instant())
                        .setTraceId(traceId != null ? traceId : TraceIds.w3c(UUID.randomUUID())).build();
                sends.add(kafka.send(topic, change.entityId(), event));
            } finally {
                span.end();
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing changes of " + source.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + changes.size() + " changes of " + source.name()
                    + " to " + topic + " (the cursor stays; the next poll publishes them again)", e);
        }
        published.increment(changes.size());
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException failure) {
            // The source, Kafka or the database unavailable: the next poll starts again from the stored cursor.
            log.warn("Change source {} poll failed (retried in {}): {}", source.name(), source.schedule().interval(),
                    failure.getMessage());
        }
    }

    synchronized void start() {
        if (timer == null) {
            stopped = false;
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("source-" + source.name()).daemon().factory());
            timer.scheduleWithFixedDelay(this::pollSafely, 0, source.schedule().interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
            stopped = true;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            cursors.release(source.name(), owner);
        } catch (RuntimeException failure) {
            log.warn("Could not give up the lease of change source {} (it runs out in {}): {}", source.name(),
                    source.schedule().lease(), failure.getMessage());
        }
    }

    synchronized boolean isRunning() {
        return timer != null;
    }
}
