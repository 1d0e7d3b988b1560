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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Tells Retail Express a change set is processed ({@code ChangeSetProcessed}) once every entity of it has a terminal
 * outcome, once per change set: the claim in the database picks one caller; the call runs off the caller's thread
 * (a Kafka listener or a web request must not wait for RE), with a few quick retries of calls RE did not take; a change
 * set whose call keeps failing stays ACKNOWLEDGING and the sweep retries it after the claim's lease; one sent without a
 * usable answer is parked (ACKNOWLEDGEMENT_PARKED) for an operator, never resent blindly.
 */
@Service
public class Acknowledgements implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    /** Longer than the database pool's acquire timeout, so a database outage surfaces as its own error. */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(10);
    /**
     * Threads that make the calls. Each may block up to the budget's permit wait (30 s) and then RE's answer, so the
     * calls run on their own few threads: on Reactor's shared bounded-elastic pool a backlog of them (after a broker
     * restart, a budget stall) took all 20 threads and left the gateway's web routes, EDS intake and health among them,
     * without one. Waiting calls queue here, their claims kept by the heartbeat.
     */
    private static final int CALLING_THREADS = 4;

    private final AcknowledgementClaims claims;
    private final ChangeSetAcknowledgements retailExpress;
    private final ChangeSetTraces traces;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final Disposable.Composite inFlight = Disposables.composite();
    private final Scheduler calling = Schedulers.newBoundedElastic(CALLING_THREADS, Integer.MAX_VALUE,
            "re-acknowledgements");
    private final Timer receiptToAcknowledgement;
    private final Counter retries;
    private final Counter takenOver;
    private final Counter parked;

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
        this.parked = Counter.builder("skylink.gateway.acknowledgement.parked")
                .description("Acknowledgements sent without a usable answer (outcome unknown), parked for an operator")
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

    /**
     * Calls RE for a change set this replica has claimed, in the background. While the holder works (waiting for a
     * thread, for RE's budget, for a back-off or for RE's answer) a heartbeat keeps its claim, so no other replica takes
     * over a live holder; the fence at the send ({@link AcknowledgementClaims#beginSending}) stops one that lost it
     * anyway (it stalled past the lease). A send without a usable answer is parked, never resent blindly.
     */
    void acknowledgeClaimed(AcknowledgementClaims.Claim claim) {
        String changeSetId = claim.changeSetId();
        Duration lease = properties.ackLease();
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Disposable> self = new AtomicReference<>();
        // The call runs later on another thread: its span continues the caller's (the last completion's, in the
        // change set's trace), and so does the RE call's span inside it.
        Span caller = traces.currentSpan();
        Duration every = lease.dividedBy(3);
        Disposable heartbeat = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> claims.renew(claim, lease).onErrorReturn(true), 1)
                .takeUntil(held -> !held)
                .subscribe();
        Disposable call = Mono.fromRunnable(() -> {
                    attempts.incrementAndGet();
                    Span span = traces.child("acknowledge change set", caller).tag("skylink.change.set.id", changeSetId);
                    try (var logged = MDC.putCloseable("skylink.changeSetId", changeSetId)) {
                        traces.within(span, () -> retailExpress.changeSetProcessed(changeSetId,
                                () -> beginSending(claim, lease)));
                    }
                })
                .subscribeOn(calling)
                // RE refused it, or it never left: nothing is outstanding at RE, so a retry cannot make a second one.
                .onErrorResume(e -> mayHaveReachedRetailExpress(e) ? Mono.error(e)
                        : claims.notSent(claim).onErrorResume(x -> Mono.empty()).then(Mono.error(e)))
                .retryWhen(Retry.backoff(properties.ackAttempts() - 1L, properties.ackBackoff())
                        .maxBackoff(lease)
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
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("Change set {} was acknowledged to Retail Express, but it "
                        + "was no longer waiting for it (recorded as acknowledged by another replica)", changeSetId)))
                .onErrorResume(ClaimTakenOver.class, taken -> {
                    takenOver.increment();
                    log.info("Change set {}: its acknowledgement was taken over by another replica after the lease; "
                            + "that one tells Retail Express", changeSetId);
                    return Mono.empty();
                })
                .onErrorResume(RetailExpressException.Uncertain.class, unknown -> {
                    parked.increment();
                    log.warn("Change set {}: ChangeSetProcessed was sent but its outcome is unknown; parked, not sent "
                            + "again (check RE, then resolve it): {}", changeSetId, unknown.toString());
                    return claims.park(claim, attempts.get(), truncate(unknown.toString())).then(Mono.empty());
                })
                .onErrorResume(e -> {
                    meters.counter("skylink.gateway.acknowledgements", "result", "failed").increment();
                    log.warn("Acknowledging change set {} failed after {} attempt(s); the sweep retries it in {}: {}",
                            changeSetId, attempts.get(), lease, e.toString());
                    return claims.recordFailure(claim, attempts.get(), truncate(e.toString())).then(Mono.empty());
                })
                .onErrorResume(e -> {
                    log.warn("Could not record the outcome of acknowledging {}: {}", changeSetId, e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    heartbeat.dispose();
                    forget(self.get());
                })
                .subscribe();
        self.set(call);
        inFlight.add(call);
        if (call.isDisposed()) {
            forget(call); // finished before it was registered
        }
    }

    /** The fence at the send, on the calling thread just before the request leaves: throws if the claim is lost. */
    private void beginSending(AcknowledgementClaims.Claim claim, Duration lease) {
        Boolean held = claims.beginSending(claim, lease).block(DATABASE_WAIT);
        if (!Boolean.TRUE.equals(held)) {
            throw new ClaimTakenOver(claim.changeSetId());
        }
    }

    /**
     * Parks change sets whose holder recorded a send and stopped before RE's answer was recorded (the sweep runs it
     * before claiming).
     */
    Mono<Void> parkAbandonedSends() {
        return claims.parkAbandonedSends(properties.ackLease())
                .doOnNext(changeSetId -> {
                    parked.increment();
                    log.warn("Change set {}: ChangeSetProcessed was sent by a replica that stopped before RE's answer "
                            + "was recorded; parked, not sent again (check RE, then resolve it)", changeSetId);
                })
                .then();
    }

    /**
     * An operator's answer for a parked acknowledgement (after checking RE): {@code receivedByRetailExpress} records it
     * as acknowledged; otherwise it is sent once more by the sweep. Empty when the change set is not parked.
     *
     * @return the change set's new status
     */
    public Mono<String> resolveParked(String changeSetId, boolean receivedByRetailExpress) {
        return claims.resolveParked(changeSetId, receivedByRetailExpress)
                .doOnNext(status -> log.info("Parked acknowledgement of change set {} resolved by an operator: {}",
                        changeSetId, receivedByRetailExpress ? "RE has it, " + status : "to be sent again"));
    }

    /** Whether RE may have taken the call: a send without a usable answer (or a claim lost, which sent nothing). */
    private static boolean mayHaveReachedRetailExpress(Throwable error) {
        return error instanceof ClaimTakenOver || error instanceof RetailExpressException.Uncertain;
    }

    private void forget(Disposable call) {
        if (call != null) {
            inFlight.remove(call);
        }
    }

    /** This replica's claim was taken over after the lease: it must not call RE (the new holder does). */
    private static final class ClaimTakenOver extends RuntimeException {
        ClaimTakenOver(String changeSetId) {
            super("acknowledgement of " + changeSetId + " taken over", null, false, false);
        }
    }

    /**
     * Transient faults and throttling may pass in seconds; a configuration or business refusal will not, so those
     * wait for the sweep (and show in the console) instead of spending RE's budget now.
     */
    private static boolean worthRetryingNow(Throwable error) {
        if (mayHaveReachedRetailExpress(error)) {
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
        calling.dispose();
    }
}
