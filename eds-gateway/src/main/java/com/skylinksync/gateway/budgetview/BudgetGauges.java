package com.skylinksync.gateway.budgetview;

import com.skylinksync.gateway.GatewayProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The cluster-wide RE budget as metrics, from the budget topic (what {@code /ops/budget} shows):
 * {@code skylink.re.budget.window.spent{window}} (calls the live participants spent in the minute, hour and day
 * windows) and {@code skylink.re.budget.window.limit{window}} (RE's limit), so an alert can say "day window above
 * 90 %". Sampled every three metrics intervals ({@code skylink.gateway.metrics-interval}, so 15 s by default) on a blocking thread, because a scrape must not read a topic; every replica
 * reports the same figures, so queries take the max.
 */
@Component
class BudgetGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BudgetGauges.class);
    private static final List<String> COUNTED_WINDOWS = List.of("minute", "hour", "day");

    private final BudgetReports reports;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final Map<String, double[]> windows = new ConcurrentHashMap<>();
    private volatile Disposable running;

    BudgetGauges(BudgetReports reports, GatewayProperties properties, MeterRegistry meters) {
        this.reports = reports;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, properties.metricsInterval().multipliedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sample).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.debug("Could not read the RE budget topic; gauges keep their last values: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    void sample() {
        for (BudgetReports.Window window : reports.read().windows()) {
            if (!COUNTED_WINDOWS.contains(window.window())) {
                continue; // the second window is paced, not counted: nothing is "spent" in it
            }
            double[] values = windows.computeIfAbsent(window.window(), this::register);
            values[0] = window.spent();
            values[1] = window.limit();
        }
    }

    private double[] register(String window) {
        double[] values = new double[2];
        Gauge.builder("skylink.re.budget.window.spent", values, v -> v[0]).tag("window", window)
                .description("RE calls the live budget participants spent in this window").register(meters);
        Gauge.builder("skylink.re.budget.window.limit", values, v -> v[1]).tag("window", window)
                .description("RE's limit of calls in this window").register(meters);
        return values;
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
