package com.skylinksync.gateway.acknowledgement;

import com.skylinksync.gateway.changesets.EntityOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who acknowledges which change set, decided by the database. Every step is one conditional UPDATE, so however many
 * replicas and threads race for a change set, exactly one of them gets each row back.
 */
@Component
class AcknowledgementClaims {

    /** Entities that still wait for a (final) outcome; everything else is terminal. */
    private static final String NOT_TERMINAL = EntityOutcome.sqlList(outcome -> !outcome.terminal());
    /** Entities given up on (dead-lettered or parked): the change set is acknowledged as processed with failures. */
    private static final String FAILURES = EntityOutcome.sqlList(EntityOutcome::failure);
    private static final int SWEEP_BATCH = 100;

    private final DatabaseClient db;

    AcknowledgementClaims(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Only change sets RE sent ({@code source = 'EDS'}) are acknowledged: an operator's bulk run is tracked the same
     * way but RE never heard of it.
     *
     * {@code OPEN → ACKNOWLEDGING} if no entity is left without a terminal outcome; true for the one caller that wins.
     * Each caller runs this after its own outcome update committed, so whichever claim runs last sees every outcome:
     * a complete change set is always claimed, and the status condition lets only one claim succeed.
     */
    Mono<Claim> claimIfComplete(String changeSetId) {
        return db.sql("""
                        UPDATE change_set SET status = 'ACKNOWLEDGING', ack_claimed_at = now()
                        WHERE id = :id AND status = 'OPEN' AND source = 'EDS'
                          AND NOT EXISTS (SELECT 1 FROM change_set_entity e
                                          WHERE e.change_set_id = :id AND e.outcome IN %s)
                        RETURNING id, ack_claimed_at""".formatted(NOT_TERMINAL))
                .bind("id", changeSetId)
                .map(AcknowledgementClaims::claim)
                .one();
    }

    /**
     * A replica's claim on one change set's acknowledgement. {@code claimedAt} is its fencing token: a claim taken over
     * after the lease (by the sweep of any replica) gets a new one, so the first holder can tell it has lost it.
     */
    record Claim(String changeSetId, OffsetDateTime claimedAt) {
    }

    /**
     * Renews {@code claim} just before a call to RE, if it is still this holder's and within the lease; empty when
     * another replica has taken it over (then that one tells RE, and this one must not). So a holder that spent longer
     * than the lease waiting (RE's budget, a throttle back-off, a broker restart) never sends a second
     * {@code ChangeSetProcessed} beside the replica that took over.
     */
    Mono<Claim> renew(Claim claim, Duration lease) {
        return db.sql("""
                        UPDATE change_set SET ack_claimed_at = now()
                        WHERE id = :id AND status = 'ACKNOWLEDGING' AND ack_claimed_at = :token
                          AND ack_claimed_at >= now() - make_interval(secs => :lease)
                        RETURNING id, ack_claimed_at""")
                .bind("id", claim.changeSetId())
                .bind("token", claim.claimedAt())
                .bind("lease", (double) lease.toMillis() / 1000)
                .map(AcknowledgementClaims::claim)
                .one();
    }

    private static Claim claim(io.r2dbc.spi.Readable row) {
        return new Claim(row.get("id", String.class), row.get("ack_claimed_at", OffsetDateTime.class));
    }

    /**
     * Claims what the event-driven path missed: complete change sets still OPEN (a crash between an outcome update and
     * its claim) and ACKNOWLEDGING ones whose claim is older than the lease (the claimer crashed or gave up).
     * {@code SKIP LOCKED} hands each row to one replica.
     */
    Flux<Claim> claimForSweep(Duration lease) {
        Flux<Claim> complete = db.sql("""
                        UPDATE change_set SET status = 'ACKNOWLEDGING', ack_claimed_at = now()
                        WHERE status = 'OPEN' AND id IN (
                            SELECT c.id FROM change_set c
                            WHERE c.status = 'OPEN' AND c.source = 'EDS'
                              AND NOT EXISTS (SELECT 1 FROM change_set_entity e
                                              WHERE e.change_set_id = c.id AND e.outcome IN %s)
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, ack_claimed_at""".formatted(NOT_TERMINAL))
                .bind("limit", SWEEP_BATCH)
                .map(AcknowledgementClaims::claim)
                .all();
        Flux<Claim> expired = db.sql("""
                        UPDATE change_set SET ack_claimed_at = now()
                        WHERE status = 'ACKNOWLEDGING' AND id IN (
                            SELECT id FROM change_set
                            WHERE status = 'ACKNOWLEDGING' AND ack_claimed_at < now() - make_interval(secs => :lease)
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, ack_claimed_at""")
                .bind("lease", (double) lease.toMillis() / 1000)
                .bind("limit", SWEEP_BATCH)
                .map(AcknowledgementClaims::claim)
                .all();
        return complete.concatWith(expired);
    }

    /** Records that RE was told; the status says whether any entity was given up on (dead-lettered or parked). */
    Mono<Acknowledged> markAcknowledged(String changeSetId, int attempts) {
        return db.sql("""
                        UPDATE change_set SET
                            status = CASE WHEN EXISTS (SELECT 1 FROM change_set_entity e
                                                       WHERE e.change_set_id = :id AND e.outcome IN %s)
                                          THEN 'ACKNOWLEDGED_WITH_FAILURES' ELSE 'ACKNOWLEDGED' END,
                            acknowledged_at = now(), ack_attempts = ack_attempts + :attempts, ack_error = NULL
                        WHERE id = :id AND status = 'ACKNOWLEDGING'
                        RETURNING status, received_at, acknowledged_at""".formatted(FAILURES))
                .bind("id", changeSetId)
                .bind("attempts", attempts)
                .map(row -> new Acknowledged(row.get("status", String.class), Duration.between(
                        row.get("received_at", OffsetDateTime.class), row.get("acknowledged_at", OffsetDateTime.class))))
                .one();
    }

    /**
     * A change set RE was told about.
     *
     * @param status                   ACKNOWLEDGED or ACKNOWLEDGED_WITH_FAILURES
     * @param receiptToAcknowledgement from the gateway receiving it to RE being told
     */
    record Acknowledged(String status, Duration receiptToAcknowledgement) {
    }

    /** Keeps the change set ACKNOWLEDGING (the sweep retries it after the lease) and says why, for the console. */
    Mono<Void> recordFailure(String changeSetId, int attempts, String error) {
        return db.sql("""
                        UPDATE change_set SET ack_attempts = ack_attempts + :attempts, ack_error = :error
                        WHERE id = :id AND status = 'ACKNOWLEDGING'""")
                .bind("id", changeSetId)
                .bind("attempts", attempts)
                .bind("error", error)
                .fetch().rowsUpdated()
                .then();
    }
}
