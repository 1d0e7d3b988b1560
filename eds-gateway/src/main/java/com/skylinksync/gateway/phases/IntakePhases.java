package com.skylinksync.gateway.phases;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where an EDS notification's time goes: one timer per phase ({@code skylink.gateway.eds.intake.phase}, tag
 * {@code phase}), from parsing through registration (change set row, entity rows, outbox row, commit) to Kafka's
 * acknowledgement. The intake benchmark prints their means; on a dashboard they say which phase grew.
 */
@Component
public final class IntakePhases {

    public static final String METER = "skylink.gateway.eds.intake.phase";

    private final MeterRegistry meters;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    IntakePhases(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Times {@code work} from subscription until it completes (successfully or not); a cancelled one is not counted. */
    public <T> Mono<T> timed(String phase, Mono<T> work) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return work.doOnTerminate(() -> record(phase, System.nanoTime() - started));
        });
    }

    public void record(String phase, long nanos) {
        timers.computeIfAbsent(phase, name -> Timer.builder(METER).tag("phase", name)
                        .description("Time of one phase of EDS intake").register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
