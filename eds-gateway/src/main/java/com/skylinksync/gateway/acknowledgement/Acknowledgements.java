package com.skylinksync.gateway.acknowledgement;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.tracing.ChangeSetTraces;
import com.skylinksync.retailexpress.ChangeSetAcknowledgements;
import com.skylinksync.retailexpress.RetailExpressException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Tells Retail Express a change set is processed ({@code ChangeSetProcessed}) once every entity of it has a terminal
 * outcome, once per change set: the claim in the database picks one caller; the call runs off the caller's thread
 * (a Kafka listener or a web request must not wait for RE), with a few quick retries; a change set whose call keeps
 * failing stays ACKNOWLEDGING and the sweep retries it after the claim's lease.
 */
@Service
public class Acknowledgements implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final AcknowledgementClaims claims;
    private final ChangeSetAcknowledgements retailExpress;
    private final ChangeSetTraces traces;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final Disposable.Composite inFlight = Disposables.composite();
    private final Timer receiptToAcknowledgement;
    private final Counter retries;
    private final Counter takenOver;

    Acknowledgements(AcknowledgementClaims claims, ChangeSetAcknowledgements retailExpress, ChangeSetTraces traces,
                     GatewayProperties properties, MeterRegistry meters) {
        this.claims = claims;
        this.retailExpress = retailExpress;
        this.traces = traces;
        this.properties = properties;
        this.meters = meters;
        // A histogram (not client-side percentiles) so percentiles can be aggregated across replicas in Prometheus.
        this.receiptToAcknowledgement = Timer.builder("skylink.gateway.acknowledgement.latency")
                .description("From receiving a change set to telling Retail Express it is processed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(1))
                .register(meters);
        this.retries = Counter.builder("skylink.gateway.acknowledgement.retries")
                .description("ChangeSetProcessed calls retried after a transient failure").register(meters);
        this.takenOver = Counter.builder("skylink.gateway.acknowledgement.taken-over")
                .description("Acknowledgements given up by this replica because another took its claim over after the lease")
                .register(meters);
    }

    /**
     * Claims the change set's acknowledgement if it is complete and starts telling RE. Completes once the claim is
     * decided (not when RE answered).
     */
    public Mono<Void> acknowledgeIfComplete(String changeSetId) {
        return claims.claimIfComplete(changeSetId)
                .doOnNext(this::acknowledgeClaimed)
                .then();
    }

    /** Calls RE for a change set this replica has claimed, in the background. */
    void acknowledgeClaimed(AcknowledgementClaims.Claim claimed) {
        String changeSetId = claimed.changeSetId();
        AtomicReference<AcknowledgementClaims.Claim> claim = new AtomicReference<>(claimed);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Disposable> self = new AtomicReference<>();
        // The call runs later on another thread: its span continues the caller's (the last completion's, in the
        // change set's trace), and so does the RE call's span inside it.
        Span caller = traces.currentSpan();
        // Every attempt first renews the claim: one that waited past the lease has been taken over, and stops.
        Disposable call = Mono.defer(() -> claims.renew(claim.get(), properties.ackLease()))
                .switchIfEmpty(Mono.error(() -> new ClaimTakenOver(changeSetId)))
                .doOnNext(claim::set)
                .then(Mono.fromRunnable(() -> {
                    attempts.incrementAndGet();
                    Span span = traces.child("acknowledge change set", caller).tag("skylink.change.set.id", changeSetId);
                    try (var logged = MDC.putCloseable("skylink.changeSetId", changeSetId)) {
                        traces.within(span, () -> retailExpress.changeSetProcessed(changeSetId));
                    }
                }).subscribeOn(Schedulers.boundedElastic()))
                .retryWhen(Retry.backoff(properties.ackAttempts() - 1L, properties.ackBackoff())
                        .maxBackoff(properties.ackLease())
                        .filter(Acknowledgements::worthRetryingNow)
                        .doBeforeRetry(signal -> {
                            retries.increment();
                            log.info("Acknowledging change set {} failed (attempt {}), retrying: {}", changeSetId,
                                    signal.totalRetries() + 1, signal.failure().toString());
                        })
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .then(Mono.defer(() -> claims.markAcknowledged(changeSetId, attempts.get())))
                .doOnNext(acknowledged -> {
                    meters.counter("skylink.gateway.acknowledgements", "result", acknowledged.status().toLowerCase(Locale.ROOT)).increment();
                    receiptToAcknowledgement.record(acknowledged.receiptToAcknowledgement());
                    log.info("Change set {} acknowledged to Retail Express: {} after {} attempt(s), {} ms after receipt", changeSetId,
                            acknowledged.status(), attempts.get(), acknowledged.receiptToAcknowledgement().toMillis());
                })
                .onErrorResume(ClaimTakenOver.class, taken -> {
                    takenOver.increment();
                    log.info("Change set {}: its acknowledgement was taken over by another replica after the lease; "
                            + "that one tells Retail Express", changeSetId);
                    return Mono.empty();
                })
                .onErrorResume(e -> {
                    meters.counter("skylink.gateway.acknowledgements", "result", "failed").increment();
                    log.warn("Acknowledging change set {} failed after {} attempt(s); the sweep retries it in {}: {}",
                            changeSetId, attempts.get(), properties.ackLease(), e.toString());
                    return claims.recordFailure(changeSetId, attempts.get(), truncate(e.toString())).then(Mono.empty());
                })
                .onErrorResume(e -> {
                    log.warn("Could not record the failed acknowledgement of {}: {}", changeSetId, e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> forget(self.get()))
                .subscribe();
        self.set(call);
        inFlight.add(call);
        if (call.isDisposed()) {
            forget(call); // finished before it was registered
        }
    }

    private void forget(Disposable call) {
        if (call != null) {
            inFlight.remove(call);
        }
    }

    /**
     * Transient faults and throttling may pass in seconds; a configuration or business refusal will not, so those
     * wait for the sweep (and show in the console) instead of spending RE's budget now.
     */
    /** This replica's claim was taken over after the lease: it must not call RE (the new holder does). */
    private static final class ClaimTakenOver extends RuntimeException {
        ClaimTakenOver(String changeSetId) {
            super("acknowledgement of " + changeSetId + " taken over", null, false, false);
        }
    }

    private static boolean worthRetryingNow(Throwable error) {
        if (error instanceof ClaimTakenOver) {
            return false;
        }
        return !(error instanceof RetailExpressException) || error instanceof RetailExpressException.Transient
                || error instanceof RetailExpressException.Throttled;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /** Calls still running at shutdown are abandoned; their change sets stay claimed and the sweep finishes them. */
    @Override
    public void destroy() {
        inFlight.dispose();
    }
}
