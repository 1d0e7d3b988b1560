package com.skylinksync.gateway.consumergroups;

import com.skylinksync.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code skylink.kafka.consumer.lag{group,topic,partition}}: end offset minus committed offset of every consumer group
 * on every partition it has committed, as {@code /ops/lag} and {@code skylink lag} show it and as KEDA's Kafka scaler
 * measures it. Read from the brokers (AdminClient), not from the consumers, so a group whose pods are all down still
 * shows its lag growing. Sampled every three metrics intervals ({@code skylink.gateway.metrics-interval}, so 15 s by default) on a blocking thread; partitions that are gone are dropped.
 */
@Component
class ConsumerLagGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagGauges.class);

    private final ConsumerGroups groups;
    private final GatewayProperties properties;
    private final MultiGauge lag;
    private volatile Disposable running;

    ConsumerLagGauges(ConsumerGroups groups, GatewayProperties properties, MeterRegistry meters) {
        this.groups = groups;
        this.properties = properties;
        this.lag = MultiGauge.builder("skylink.kafka.consumer.lag")
                .description("Events a consumer group has yet to read, per topic partition").register(meters);
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, properties.metricsInterval().multipliedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sample).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.debug("Could not read consumer group lag; gauges keep their last values: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    void sample() {
        try {
            lag.register(groups.lag().partitions().stream()
                    .map(p -> MultiGauge.Row.of(Tags.of("group", p.group(), "topic", p.topic(),
                            "partition", Integer.toString(p.partition())), p.lag()))
                    .toList(), true);
        } catch (Exception e) {
            throw new IllegalStateException("Reading consumer group lag failed", e);
        }
    }

    @Override
    public void stop() {
        Disposable sampler = running;
        running = null;
        if (sampler != null) {
            sampler.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
