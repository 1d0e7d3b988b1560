package com.skylinksync.gateway.drift;

import com.skylinksync.drift.DriftCategory;
import com.skylinksync.drift.DriftReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code skylink.drift.items{category,scope}}: the last report's differences per category (NaN before any report or
 * outside its scope); {@code skylink.drift.last.finished} (epoch seconds) and {@code skylink.drift.last.complete}, so an
 * alert can fire on drift found, on a comparison that stopped early, and on a schedule that stopped producing reports.
 */
@Component
class DriftMetrics {

    private final DriftReports reports;

    DriftMetrics(DriftReports reports, MeterRegistry meters) {
        for (DriftCategory category : DriftCategory.values()) {
            Gauge.builder("skylink.drift.items", reports, r -> count(r.latestKnown(), category))
                    .tag("category", category.label()).tag("scope", category.scope().label())
                    .description("Differences of this category in the last drift report").register(meters);
        }
        Gauge.builder("skylink.drift.last.finished", reports, r -> r.latestKnown() == null ? Double.NaN
                        : r.latestKnown().finishedAt().getEpochSecond())
                .description("When the last drift report finished (epoch seconds)").baseUnit("seconds").register(meters);
        Gauge.builder("skylink.drift.last.complete", reports, r -> r.latestKnown() == null ? Double.NaN
                        : r.latestKnown().complete() ? 1 : 0)
                .description("Whether the last drift report compared everything (0: stopped early, see its note)").register(meters);
        this.reports = reports;
    }

    /** Loads the last stored report at start, so the gauges show it after a restart. */
    @EventListener(ApplicationReadyEvent.class)
    void loadLatest() {
        reports.latest().onErrorComplete().subscribe();
    }

    private static double count(DriftReport report, DriftCategory category) {
        if (report == null || !report.scope().covers(category.scope())) {
            return Double.NaN;
        }
        return report.counts().getOrDefault(category, 0);
    }
}
