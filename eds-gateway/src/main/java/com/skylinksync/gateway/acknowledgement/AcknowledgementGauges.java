package com.skylinksync.gateway.acknowledgement;

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
 * {@code skylink.gateway.acknowledgement.pending} (EDS change sets RE has not been told about yet) and
 * {@code skylink.gateway.acknowledgement.oldest.age} (seconds since the oldest of them was received): the alarm for
 * change sets whose entities never finish, or an acknowledgement RE keeps refusing. Operator runs are left out: RE is
 * never told about them. Sampled like the outbox gauges; every replica reports the same, so queries take the max.
 */
@Component
class AcknowledgementGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementGauges.class);

    private final DatabaseClient db;
    private final GatewayProperties properties;
    private final AtomicReference<Sample> last = new AtomicReference<>(new Sample(0, null));
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    AcknowledgementGauges(DatabaseClient db, GatewayProperties properties, MeterRegistry meters) {
        this.db = db;
        this.properties = properties;
        Gauge.builder("skylink.gateway.acknowledgement.pending", last, sample -> sample.get().pending())
                .description("EDS change sets not yet acknowledged to Retail Express").register(meters);
        Gauge.builder("skylink.gateway.acknowledgement.oldest.age", last, sample -> sample.get().oldestAgeSeconds())
                .description("Seconds since the oldest unacknowledged EDS change set was received (0 when none)")
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
        return db.sql("SELECT count(*) AS pending, min(received_at) AS oldest FROM change_set "
                        + "WHERE source = 'EDS' AND status IN ('OPEN', 'ACKNOWLEDGING', 'ACKNOWLEDGEMENT_PARKED')")
                .map(row -> new Sample(row.get("pending", Long.class), row.get("oldest", OffsetDateTime.class)))
                .one()
                .doOnNext(last::set)
                .then()
                .onErrorResume(e -> {
                    log.debug("Could not sample acknowledgements; gauges keep their last values: {}", e.toString());
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

    private record Sample(long pending, OffsetDateTime oldest) {
        double oldestAgeSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
        }
    }
}
