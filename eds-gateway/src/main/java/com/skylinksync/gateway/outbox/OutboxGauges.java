package com.skylinksync.gateway.outbox;

import com.skylinksync.gateway.GatewayProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code skylink.gateway.outbox.depth} (events not yet on Kafka) and {@code skylink.gateway.outbox.oldest.age}
 * (seconds the oldest of them has waited): the alarm for a relay that is stuck or a Kafka that refuses.
 * Sampled from the database on an interval, because a scrape must not wait on a query; every replica reports the
 * same shared outbox, so dashboards take the max, not the sum.
 */
@Component
class OutboxGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

    private final DatabaseClient db;
    private final GatewayProperties properties;
    private final AtomicReference<Sample> last = new AtomicReference<>(new Sample(0, null));
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    OutboxGauges(DatabaseClient db, GatewayProperties properties, MeterRegistry meters) {
        this.db = db;
        this.properties = properties;
        Gauge.builder("skylink.gateway.outbox.depth", last, sample -> sample.get().rows())
                .description("Events registered but not yet acknowledged by Kafka").register(meters);
        Gauge.builder("skylink.gateway.outbox.oldest.age", last, sample -> sample.get().oldestAgeSeconds())
                .description("Seconds the oldest unpublished event has waited (0 when the outbox is empty)")
                .baseUnit("seconds").register(meters);
    }

    @Override
    public void start() {
        running.set(Flux.interval(Duration.ZERO, properties.metricsInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sample(), 1)
                .subscribe());
    }

    Mono<Void> sample() {
        return db.sql("SELECT coalesce(sum(event_count), 0) AS depth, min(created_at) AS oldest FROM outbox")
                .map(row -> new Sample(row.get("depth", Long.class), row.get("oldest", OffsetDateTime.class)))
                .one()
                .doOnNext(last::set)
                .then()
                .onErrorResume(e -> {
                    log.debug("Could not sample the outbox; gauges keep their last values: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        Disposable sampler = running.getAndSet(null);
        if (sampler != null) {
            sampler.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }

    private record Sample(long rows, OffsetDateTime oldest) {
        double oldestAgeSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
        }
    }
}
