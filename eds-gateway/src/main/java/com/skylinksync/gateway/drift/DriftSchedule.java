package com.skylinksync.gateway.drift;

import com.skylinksync.drift.DriftProperties;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The scheduled comparison ({@code skylink.drift.schedule}, a Spring cron in UTC, daily at 03:00 by default; "-" turns
 * it off), whose report becomes the last one. Every replica schedules it; in {@code deploy/} the gateway runs one
 * replica per schedule window or the Kubernetes CronJob calls {@code POST /ops/drift} instead (set "-" then).
 */
@Component
class DriftSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DriftSchedule.class);

    private final DriftReports reports;
    private final DriftConfiguration.DriftEngine engine;
    private final DriftProperties properties;
    private final AtomicReference<Disposable> next = new AtomicReference<>();

    DriftSchedule(DriftReports reports, DriftConfiguration.DriftEngine engine, DriftProperties properties) {
        this.reports = reports;
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public void start() {
        if ("-".equals(properties.schedule().strip()) || engine.comparison().isEmpty()) {
            log.info("Scheduled drift comparison off ({})", engine.comparison().isEmpty() ? "Magento not configured" : "schedule -");
            return;
        }
        scheduleNext(CronExpression.parse(properties.schedule()));
    }

    private void scheduleNext(CronExpression cron) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime at = cron.next(now);
        if (at == null) {
            return;
        }
        Disposable scheduled = Mono.delay(Duration.between(now, at))
                .then(Mono.defer(() -> reports.compare(properties.scheduledScope())))
                .doOnError(e -> log.warn("Scheduled drift comparison failed: {}", e.toString()))
                .onErrorComplete()
                .doFinally(signal -> {
                    if (isRunning()) {
                        scheduleNext(cron);
                    }
                })
                .subscribe();
        next.set(scheduled);
    }

    @Override
    public void stop() {
        Disposable scheduled = next.getAndSet(null);
        if (scheduled != null) {
            scheduled.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return next.get() != null;
    }
}
