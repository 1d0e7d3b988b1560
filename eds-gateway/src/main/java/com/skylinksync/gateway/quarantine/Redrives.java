package com.skylinksync.gateway.quarantine;

import com.skylinksync.gateway.outbox.OutboxMessage;
import com.skylinksync.gateway.outbox.OutboxRelay;
import com.skylinksync.gateway.outbox.OutboxWriter;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.Origin;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Redrives a dead letter at most once: its handling row and its republished event (origin {@code REPLAY}, to the
 * backlog twin of its source topic, so it never queues ahead of real-time work) are written in one transaction, the
 * event through the outbox, so a redrive is never half done and a second one finds the row and publishes nothing.
 * Resolving a parked write is recorded the same way (nothing is republished: the operator has checked the target).
 */
@Component
class Redrives {

    private static final Logger log = LoggerFactory.getLogger(Redrives.class);

    enum Result { REDRIVEN, ALREADY_REDRIVEN, RESOLVED, ALREADY_RESOLVED }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final AvroEventSerializer serializer = new AvroEventSerializer();

    Redrives(DatabaseClient db, TransactionalOperator transactions, OutboxWriter outbox, OutboxRelay relay) {
        this.db = db;
        this.transactions = transactions;
        this.outbox = outbox;
        this.relay = relay;
    }

    Mono<Result> redrive(RecordId id, EntityChanged deadLetter) {
        Instant now = Instant.now();
        // The decoded event is this call's own: changed in place (a copying builder would go through Avro's global
        // SpecificData, which does not trust our generated classes).
        EntityChanged replay = deadLetter;
        replay.setOrigin(Origin.REPLAY);
        replay.setObservedAt(now);
        String topic = Topics.forEvent(replay.getEntityType(), Origin.REPLAY);
        String changeSet = replay.getChangeSetId() != null ? replay.getChangeSetId() : "redrive:" + id;
        OutboxMessage message = new OutboxMessage(changeSet, topic, replay.getEntityId(), serializer.serialize(topic, replay), now);
        return transactions.transactional(record(id, "REDRIVEN", null, now)
                        .flatMap(inserted -> inserted ? outbox.append(List.of(message)).thenReturn(Result.REDRIVEN)
                                : Mono.just(Result.ALREADY_REDRIVEN)))
                .doOnNext(result -> {
                    if (result == Result.REDRIVEN) {
                        log.info("Dead letter {} ({} {}) redriven to {}", id, replay.getEntityType(), replay.getEntityId(), topic);
                        relay.wake();
                    }
                });
    }

    Mono<Result> resolve(RecordId id, String note) {
        return record(id, "RESOLVED", note, Instant.now()).map(inserted -> inserted ? Result.RESOLVED : Result.ALREADY_RESOLVED);
    }

    private Mono<Boolean> record(RecordId id, String kind, String note, Instant at) {
        var spec = db.sql("INSERT INTO quarantine_handling (id, kind, handled_at, note) VALUES (:id, :kind, :at, :note) ON CONFLICT (id) DO NOTHING")
                .bind("id", id.toString()).bind("kind", kind).bind("at", at.atOffset(ZoneOffset.UTC));
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
