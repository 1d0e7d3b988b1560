package com.skylinksync.gateway.acknowledgement;

import com.skylinksync.gateway.changesets.EntityOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who acknowledges which change set, decided by the database. Every step is one conditional UPDATE, so however many
 * replicas and threads race for a change set, exactly one of them gets each row back. A claim's fencing token
 * ({@code ack_holder}) is drawn afresh by every claim; its holder heartbeats the lease ({@code ack_claimed_at}) while it
 * works and records {@code ack_sent_at} in the fenced UPDATE just before {@code ChangeSetProcessed} leaves.
 */
@Component
class AcknowledgementClaims {

    /** Entities that still wait for a (final) outcome; everything else is terminal. */
    private static final String NOT_TERMINAL = EntityOutcome.sqlList(outcome -> !outcome.terminal());
    /** Entities given up on (dead-lettered or parked): the change set is acknowledged as processed with failures. */
    private static final String FAILURES = EntityOutcome.sqlList(EntityOutcome::failure);
    private static final String ACKNOWLEDGED_STATUS = """
            CASE WHEN EXISTS (SELECT 1 FROM change_set_entity e WHERE e.change_set_id = :id AND e.outcome IN %s)
                 THEN 'ACKNOWLEDGED_WITH_FAILURES' ELSE 'ACKNOWLEDGED' END""".formatted(FAILURES);
    private static final int SWEEP_BATCH = 100;
    private static final String ABANDONED_SEND = "ChangeSetProcessed was sent, then its replica stopped before RE's "
            + "answer was recorded: the outcome is unknown (README, Acknowledgements: resolve it)";

    private final DatabaseClient db;

    AcknowledgementClaims(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A replica's claim on one change set's acknowledgement. {@code holder} is its fencing token: a claim taken over
     * after the lease (by the sweep of any replica) gets a new one, so the first holder can tell it has lost it.
     */
    record Claim(String changeSetId, UUID holder) {
    }

    /**
     * Only change sets RE sent ({@code source = 'EDS'}) are acknowledged: an operator's bulk run is tracked the same
     * way but RE never heard of it.
     *
     * {@code OPEN → ACKNOWLEDGING} if no entity is left without a terminal outcome; a claim for the one caller that wins.
     * Each caller runs this after its own outcome update committed, so whichever claim runs last sees every outcome:
     * a complete change set is always claimed, and the status condition lets only one claim succeed.
     */
    Mono<Claim> claimIfComplete(String changeSetId) {
        return db.sql("""
                        UPDATE change_set SET status = 'ACKNOWLEDGING', ack_claimed_at = now(),
                            ack_holder = gen_random_uuid(), ack_sent_at = NULL
                        WHERE id = :id AND status = 'OPEN' AND source = 'EDS'
                          AND NOT EXISTS (SELECT 1 FROM change_set_entity e
                                          WHERE e.change_set_id = :id AND e.outcome IN %s)
                        RETURNING id, ack_holder""".formatted(NOT_TERMINAL))
                .bind("id", changeSetId)
                .map(AcknowledgementClaims::claim)
                .one();
    }

    /**
     * The holder's heartbeat: extends the lease while the claim is still this holder's and not yet expired; false when
     * another replica has taken it over, or it expired (a holder that stalled past the lease must not go on).
     */
    Mono<Boolean> renew(Claim claim, Duration lease) {
        return fenced(claim, lease, "ack_claimed_at = now()");
    }

    /**
     * The fence at the send: records, just before {@code ChangeSetProcessed} leaves, that this holder is sending it, if
     * the claim is still its own and within the lease. False when taken over or expired: then the holder must not send
     * (the replica that took over does). Once recorded, a holder that stops before RE's answer is recorded leaves the
     * outcome unknown, and the sweep parks the change set instead of sending again.
     */
    Mono<Boolean> beginSending(Claim claim, Duration lease) {
        return fenced(claim, lease, "ack_claimed_at = now(), ack_sent_at = now()");
    }

    private Mono<Boolean> fenced(Claim claim, Duration lease, String assignments) {
        return db.sql("""
                        UPDATE change_set SET %s
                        WHERE id = :id AND status = 'ACKNOWLEDGING' AND ack_holder = :holder
                          AND ack_claimed_at >= now() - make_interval(secs => :lease)""".formatted(assignments))
                .bind("id", claim.changeSetId())
                .bind("holder", claim.holder())
                .bind("lease", seconds(lease))
                .fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    /** RE answered that it did not take the acknowledgement (or it never left): nothing is outstanding at RE. */
    Mono<Void> notSent(Claim claim) {
        return db.sql("UPDATE change_set SET ack_sent_at = NULL WHERE id = :id AND ack_holder = :holder")
                .bind("id", claim.changeSetId())
                .bind("holder", claim.holder())
                .fetch().rowsUpdated()
                .then();
    }

    /**
     * Claims what the event-driven path missed: complete change sets still OPEN (a crash between an outcome update and
     * its claim) and ACKNOWLEDGING ones whose claim is older than the lease and that nobody was sending (the claimer
     * crashed before sending, or gave up). {@code SKIP LOCKED} hands each row to one replica.
     */
    Flux<Claim> claimForSweep(Duration lease) {
        Flux<Claim> complete = db.sql("""
                        UPDATE change_set SET status = 'ACKNOWLEDGING', ack_claimed_at = now(),
                            ack_holder = gen_random_uuid(), ack_sent_at = NULL
                        WHERE status = 'OPEN' AND id IN (
                            SELECT c.id FROM change_set c
                            WHERE c.status = 'OPEN' AND c.source = 'EDS'
                              AND NOT EXISTS (SELECT 1 FROM change_set_entity e
                                              WHERE e.change_set_id = c.id AND e.outcome IN %s)
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, ack_holder""".formatted(NOT_TERMINAL))
                .bind("limit", SWEEP_BATCH)
                .map(AcknowledgementClaims::claim)
                .all();
        Flux<Claim> expired = db.sql("""
                        UPDATE change_set SET ack_claimed_at = now(), ack_holder = gen_random_uuid()
                        WHERE status = 'ACKNOWLEDGING' AND id IN (
                            SELECT id FROM change_set
                            WHERE status = 'ACKNOWLEDGING' AND ack_sent_at IS NULL
                              AND ack_claimed_at < now() - make_interval(secs => :lease)
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, ack_holder""")
                .bind("lease", seconds(lease))
                .bind("limit", SWEEP_BATCH)
                .map(AcknowledgementClaims::claim)
                .all();
        return complete.concatWith(expired);
    }

    /**
     * Parks ACKNOWLEDGING change sets whose holder recorded that it was sending and then stopped (killed, or stalled
     * past the lease) before RE's answer was recorded: RE may or may not have it, so it is not sent again blindly.
     */
    Flux<String> parkAbandonedSends(Duration lease) {
        return db.sql("""
                        UPDATE change_set SET status = 'ACKNOWLEDGEMENT_PARKED', ack_error = :error
                        WHERE status = 'ACKNOWLEDGING' AND id IN (
                            SELECT id FROM change_set
                            WHERE status = 'ACKNOWLEDGING' AND ack_sent_at IS NOT NULL
                              AND ack_claimed_at < now() - make_interval(secs => :lease)
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .bind("error", ABANDONED_SEND)
                .bind("lease", seconds(lease))
                .bind("limit", SWEEP_BATCH)
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Parks a change set whose ChangeSetProcessed this holder sent without a usable answer: the outcome is unknown. */
    Mono<Void> park(Claim claim, int attempts, String error) {
        return updateHeld(claim, attempts, error, "status = 'ACKNOWLEDGEMENT_PARKED', ");
    }

    /**
     * An operator's answer for a parked acknowledgement: RE has it (checked in RE) → acknowledged; RE does not → back to
     * OPEN, which the sweep claims and sends once. Empty when the change set is not parked.
     */
    Mono<String> resolveParked(String changeSetId, boolean receivedByRetailExpress) {
        String sql = receivedByRetailExpress
                ? "UPDATE change_set SET status = " + ACKNOWLEDGED_STATUS + ", acknowledged_at = now(), ack_error = NULL"
                        + " WHERE id = :id AND status = 'ACKNOWLEDGEMENT_PARKED' RETURNING status"
                : "UPDATE change_set SET status = 'OPEN', ack_holder = NULL, ack_sent_at = NULL, ack_claimed_at = NULL,"
                        + " ack_error = NULL WHERE id = :id AND status = 'ACKNOWLEDGEMENT_PARKED' RETURNING status";
        return db.sql(sql).bind("id", changeSetId).map(row -> row.get("status", String.class)).one();
    }

    /**
     * Records that RE was told; the status says whether any entity was given up on (dead-lettered or parked). A late
     * answer to a send whose change set was parked meanwhile (its holder stalled past the lease) settles it too.
     */
    Mono<Acknowledged> markAcknowledged(String changeSetId, int attempts) {
        return db.sql("""
                        UPDATE change_set SET status = %s,
                            acknowledged_at = now(), ack_attempts = ack_attempts + :attempts, ack_error = NULL
                        WHERE id = :id AND status IN ('ACKNOWLEDGING', 'ACKNOWLEDGEMENT_PARKED')
                        RETURNING status, received_at, acknowledged_at""".formatted(ACKNOWLEDGED_STATUS))
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
    Mono<Void> recordFailure(Claim claim, int attempts, String error) {
        return updateHeld(claim, attempts, error, "");
    }

    /** Counts the attempts and records the error of a change set this holder still holds, after {@code also}. */
    private Mono<Void> updateHeld(Claim claim, int attempts, String error, String also) {
        return db.sql("""
                        UPDATE change_set SET %sack_attempts = ack_attempts + :attempts, ack_error = :error
                        WHERE id = :id AND status = 'ACKNOWLEDGING' AND ack_holder = :holder""".formatted(also))
                .bind("id", claim.changeSetId())
                .bind("holder", claim.holder())
                .bind("attempts", attempts)
                .bind("error", error)
                .fetch().rowsUpdated()
                .then();
    }

    private static double seconds(Duration lease) {
        return (double) lease.toMillis() / 1000;
    }

    private static Claim claim(io.r2dbc.spi.Readable row) {
        return new Claim(row.get("id", String.class), row.get("ack_holder", UUID.class));
    }
}
