package com.skylinksync.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per entity type: {@code skylink.sync.outcomes{type,outcome}} (synced, unchanged, failed, dead_lettered, parked),
 * {@code skylink.sync.latency{type}} (received → finished), {@code skylink.sync.runs{type}} (syncs actually run, fewer
 * than events when coalescing works) and {@code skylink.sync.in.flight} (records received, not finished).
 */
final class SyncMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    SyncMetrics(MeterRegistry registry, Supplier<Number> inFlight) {
        this.registry = registry;
        // Strongly referenced: a registry holds a gauge's state weakly, and nothing else holds this supplier — the
        // gauge would read NaN after the first garbage collection.
        Gauge.builder("skylink.sync.in.flight", inFlight, s -> s.get().doubleValue())
                .description("Records received and not finished").strongReference(true).register(registry);
    }

    void outcome(String entityType, String outcome, int count) {
        String type = entityType.toLowerCase(Locale.ROOT);
        String name = outcome.toLowerCase(Locale.ROOT);
        counters.computeIfAbsent(type + "|" + name, k -> Counter.builder("skylink.sync.outcomes")
                .tag("type", type).tag("outcome", name).register(registry)).increment(count);
    }

    void run(String entityType) {
        String type = entityType.toLowerCase(Locale.ROOT);
        counters.computeIfAbsent(type + "|run", k -> Counter.builder("skylink.sync.runs").tag("type", type)
                .register(registry)).increment();
    }

    void latency(String entityType, Duration latency) {
        String type = entityType.toLowerCase(Locale.ROOT);
        timers.computeIfAbsent(type, k -> Timer.builder("skylink.sync.latency").tag("type", type)
                .publishPercentileHistogram().register(registry)).record(latency);
    }
}
