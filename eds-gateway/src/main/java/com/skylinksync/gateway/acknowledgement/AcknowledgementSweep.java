package com.skylinksync.gateway.acknowledgement;

import com.skylinksync.gateway.GatewayProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The safety net of acknowledgement: periodically parks expired claims whose holder had sent ChangeSetProcessed (a
 * crash between the send and recording RE's answer: outcome unknown), claims complete change sets nobody claimed (a
 * crash between an outcome and its claim) and expired claims nobody was sending (a crash before the send, or an RE call
 * that kept failing), and acknowledges those.
 */
@Component
class AcknowledgementSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementSweep.class);

    private final AcknowledgementClaims claims;
    private final Acknowledgements acknowledgements;
    private final GatewayProperties properties;
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    AcknowledgementSweep(AcknowledgementClaims claims, Acknowledgements acknowledgements, GatewayProperties properties) {
        this.claims = claims;
        this.acknowledgements = acknowledgements;
        this.properties = properties;
    }

    @Override
    public void start() {
        Disposable sweep = Flux.interval(properties.ackSweepInterval(), properties.ackSweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce(), 1)
                .subscribe();
        running.set(sweep);
    }

    Mono<Void> sweepOnce() {
        return acknowledgements.parkAbandonedSends()
                .thenMany(claims.claimForSweep(properties.ackLease()))
                .doOnNext(claim -> {
                    log.info("Sweep claimed the acknowledgement of change set {}", claim.changeSetId());
                    acknowledgements.acknowledgeClaimed(claim);
                })
                .then()
                .onErrorResume(e -> {
                    log.warn("Acknowledgement sweep failed, next one in {}: {}", properties.ackSweepInterval(), e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        Disposable sweep = running.getAndSet(null);
        if (sweep != null) {
            sweep.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }
}
