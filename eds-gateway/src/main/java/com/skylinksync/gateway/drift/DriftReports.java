package com.skylinksync.gateway.drift;

import com.skylinksync.drift.DriftComparison;
import com.skylinksync.drift.DriftCost;
import com.skylinksync.drift.DriftReport;
import com.skylinksync.drift.DriftReportFormat;
import com.skylinksync.drift.DriftScope;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs comparisons one at a time per replica (in the background: a full one takes minutes at its budget share) and
 * keeps every report in {@code drift_report}; the newest is what the API, the CLI and the metrics show.
 */
@Component
class DriftReports {

    private static final Logger log = LoggerFactory.getLogger(DriftReports.class);

    /** A comparison in progress on this replica. */
    record Running(String scope, java.time.Instant startedAt) {
    }

    private final DriftConfiguration.DriftEngine engine;
    private final DatabaseClient db;
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final AtomicReference<DriftReport> latest = new AtomicReference<>();

    DriftReports(DriftConfiguration.DriftEngine engine, DatabaseClient db) {
        this.engine = engine;
        this.db = db;
    }

    /** Starts a comparison unless one is running here; completes when it is started, not when it is done. */
    Mono<Running> start(DriftScope scope, Integer channel) {
        DriftComparison comparison = comparison();
        Running started = new Running(scope.label(), java.time.Instant.now());
        if (!running.compareAndSet(null, started)) {
            return Mono.error(new ProblemException(Problem.of("drift-running", "Conflict", 409,
                    "A " + running.get().scope() + " comparison started at " + running.get().startedAt() + " is still running")));
        }
        Mono.fromCallable(() -> comparison.compare(scope, channel))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::save)
                .doOnError(e -> log.warn("Drift comparison ({}) failed: {}", scope.label(), e.toString()))
                .doFinally(signal -> running.set(null))
                .subscribe();
        return Mono.just(started);
    }

    /** Runs a comparison and waits for its report (the schedule, tests). */
    Mono<DriftReport> compare(DriftScope scope) {
        DriftComparison comparison = comparison();
        if (!running.compareAndSet(null, new Running(scope.label(), java.time.Instant.now()))) {
            return Mono.error(new ProblemException(Problem.of("drift-running", "Conflict", 409, "A comparison is still running")));
        }
        return Mono.fromCallable(() -> comparison.compare(scope)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::save).doFinally(signal -> running.set(null));
    }

    Mono<DriftCost> estimate(DriftScope scope, Integer channel) {
        DriftComparison comparison = comparison();
        return Mono.fromCallable(() -> comparison.estimate(scope, channel)).subscribeOn(Schedulers.boundedElastic());
    }

    Running running() {
        return running.get();
    }

    /** The newest report, from memory once one was made or read here. */
    Mono<DriftReport> latest() {
        DriftReport known = latest.get();
        if (known != null) {
            return Mono.just(known);
        }
        return db.sql("SELECT report FROM drift_report ORDER BY finished_at DESC LIMIT 1")
                .map(row -> row.get("report", String.class)).one()
                .map(DriftReportFormat::fromJson)
                .doOnNext(report -> latest.compareAndSet(null, report));
    }

    /** The newest report in memory only (metrics). */
    DriftReport latestKnown() {
        return latest.get();
    }

    Mono<DriftReport> find(String id) {
        return db.sql("SELECT report FROM drift_report WHERE id = :id").bind("id", id)
                .map(row -> row.get("report", String.class)).one().map(DriftReportFormat::fromJson);
    }

    private Mono<DriftReport> save(DriftReport report) {
        return db.sql("""
                        INSERT INTO drift_report (id, scope, started_at, finished_at, complete, items, report)
                        VALUES (:id, :scope, :started, :finished, :complete, :items, :report)""")
                .bind("id", report.id()).bind("scope", report.scope().label())
                .bind("started", report.startedAt().atOffset(ZoneOffset.UTC)).bind("finished", report.finishedAt().atOffset(ZoneOffset.UTC))
                .bind("complete", report.complete()).bind("items", report.items().size())
                .bind("report", DriftReportFormat.json(report))
                .fetch().rowsUpdated()
                .doOnNext(saved -> {
                    latest.set(report);
                    log.info("Drift report {} ({}): {} differences, {} RE calls, {} Magento reads{}", report.id(),
                            report.scope().label(), report.items().size(), report.retailExpressCalls(), report.magentoCalls(),
                            report.complete() ? "" : " - incomplete: " + report.note());
                })
                .thenReturn(report);
    }

    private DriftComparison comparison() {
        return engine.comparison().orElseThrow(() -> new ProblemException(Problem.of("drift-unavailable",
                "Service Unavailable", 503, "Drift needs Magento: set skylink.magento.base-url and skylink.magento.access-token")));
    }
}
