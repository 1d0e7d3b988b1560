package com.skylinksync.gateway.changesets;

import com.skylinksync.gateway.outbox.OutboxMessage;
import com.skylinksync.gateway.outbox.OutboxWriter;
import com.skylinksync.gateway.outbox.Publication;
import com.skylinksync.gateway.phases.IntakePhases;
import com.skylinksync.gateway.tracing.ChangeSetTraces;
import com.skylinksync.schemas.TraceIds;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.Origin;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers change sets: the change set, its entities and one outbox row holding an event per synced entity, all in one
 * transaction, so a change set is either fully registered (and its events will be published) or not at all.
 */
@Service
public class ChangeSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(ChangeSetRegistry.class);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final OutboxWriter outbox;
    private final ChangeSetTraces traces;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final IntakePhases phases;

    ChangeSetRegistry(DatabaseClient db, TransactionalOperator transactions, OutboxWriter outbox, ChangeSetTraces traces,
                      IntakePhases phases) {
        this.db = db;
        this.phases = phases;
        this.transactions = transactions;
        this.outbox = outbox;
        this.traces = traces;
    }

    /**
     * Registers every change set of one notification in one transaction. A change set already registered
     * (by an earlier or a concurrent request) is left as it is and reported with {@code created = false}.
     */
    public Mono<List<Registration>> register(List<NewChangeSet> changeSets, Instant receivedAt) {
        return register(changeSets, receivedAt, null);
    }

    /**
     * As {@link #register(List, Instant)}, for a caller that publishes the events itself ({@code ImmediatePublisher}):
     * their outbox rows are leased to it for {@code publishLease} (null: none, the relay publishes them).
     */
    public Mono<List<Registration>> register(List<NewChangeSet> changeSets, Instant receivedAt, Duration publishLease) {
        // A fixed order of inserts means two requests naming the same change sets in another order cannot deadlock.
        List<NewChangeSet> ordered = changeSets.stream().sorted(Comparator.comparing(NewChangeSet::id)).toList();
        return Flux.fromIterable(ordered)
                .concatMap(changeSet -> registerOne(changeSet, receivedAt, publishLease))
                .collectList()
                .as(transactions::transactional)
                .doOnNext(registrations -> registrations.forEach(r -> log.atInfo()
                        .addKeyValue("skylink.changeSetId", r.changeSetId())
                        .log("Change set {} {} ({} entities, {} events, trace {})", r.changeSetId(),
                                r.created() ? "registered" : "already registered", r.entities(), r.events(),
                                TraceIds.w3c(r.traceId()))));
    }

    /** In the trace of the request that registers it: its events, syncs and acknowledgement continue that trace. */
    private Mono<Registration> registerOne(NewChangeSet changeSet, Instant receivedAt, Duration publishLease) {
        return traces.current().flatMap(trace -> registerOne(changeSet, receivedAt, trace, publishLease));
    }

    private Mono<Registration> registerOne(NewChangeSet changeSet, Instant receivedAt, ChangeSetTraces.Trace trace,
                                           Duration publishLease) {
        UUID traceId = trace.traceId();
        // ON CONFLICT DO NOTHING: a concurrent duplicate waits on the primary key until the first transaction ends,
        // then finds the row and inserts nothing, without an error that would abort its transaction.
        var insert = db.sql("""
                        INSERT INTO change_set (id, id_derived, client_id, sales_channel_id, trace_id, trace_parent, entity_count, received_at)
                        VALUES (:id, :derived, :client, :channel, :trace, :traceParent, :count, :received)
                        ON CONFLICT (id) DO NOTHING
                        RETURNING id""")
                .bind("id", changeSet.id())
                .bind("derived", changeSet.idDerived())
                .bind("client", changeSet.clientId())
                .bind("channel", changeSet.salesChannelId())
                .bind("trace", traceId)
                .bind("count", changeSet.entities().size())
                .bind("received", utc(receivedAt));
        insert = trace.traceParent() == null ? insert.bindNull("traceParent", String.class)
                : insert.bind("traceParent", trace.traceParent());
        return phases.timed("change-set-row", insert
                .map(row -> row.get("id", String.class))
                .one())
                .flatMap(inserted -> {
                    long serializing = System.nanoTime();
                    List<OutboxMessage> messages = events(changeSet, traceId, receivedAt);
                    phases.record("serialize", System.nanoTime() - serializing);
                    return phases.timed("entity-rows", insertEntities(changeSet))
                            .then(queueExpansions(changeSet, receivedAt))
                            .flatMap(expansions -> phases.timed("outbox-row", outbox.append(messages, publishLease))
                                    .map(id -> new Publication(id, changeSet.id(), traceId, trace.traceParent(), messages))
                                    .map(Optional::of)
                                    .defaultIfEmpty(Optional.empty())
                                    .map(publication -> new Registration(changeSet.id(), true, changeSet.entities().size(), traceId,
                                            messages.size(), expansions, publication.orElse(null))));
                })
                .switchIfEmpty(Mono.defer(() -> existing(changeSet)));
    }

    private Mono<Registration> existing(NewChangeSet changeSet) {
        return db.sql("SELECT entity_count, trace_id FROM change_set WHERE id = :id")
                .bind("id", changeSet.id())
                .map(row -> new Registration(changeSet.id(), false, row.get("entity_count", Integer.class),
                        row.get("trace_id", UUID.class), 0, 0, null))
                .one()
                .doOnNext(registered -> {
                    // The first registration wins; a repeat that names other entities is worth an operator's look.
                    if (registered.entities() != changeSet.entities().size()) {
                        log.warn("Change set {} repeated with {} entities, registered with {}; the registered ones stand",
                                changeSet.id(), changeSet.entities().size(), registered.entities());
                    }
                });
    }

    private Mono<Void> insertEntities(NewChangeSet changeSet) {
        // One statement for all entities, their columns as arrays: one round trip and one execution in PostgreSQL,
        // where a row per binding costs an execution each (measured: IntakeBenchmark's entity-rows phase).
        List<ChangeSetEntity> entities = changeSet.entities();
        int size = entities.size();
        String[] edsTypes = new String[size];
        String[] ids = new String[size];
        String[] types = new String[size];
        String[] attributeCodes = new String[size];
        String[] outcomes = new String[size];
        for (int i = 0; i < size; i++) {
            ChangeSetEntity entity = entities.get(i);
            edsTypes[i] = entity.edsType();
            ids[i] = entity.entityId();
            types[i] = entity.entityType() == null ? null : entity.entityType().name();
            attributeCodes[i] = entity.attributeCode();
            outcomes[i] = initialOutcome(entity.disposition()).name();
        }
        return db.sql("""
                        INSERT INTO change_set_entity (change_set_id, eds_type, entity_id, entity_type, attribute_code, outcome)
                        SELECT CAST(:id AS varchar), * FROM unnest(CAST(:edsTypes AS varchar[]), CAST(:ids AS varchar[]),
                            CAST(:types AS varchar[]), CAST(:codes AS varchar[]), CAST(:outcomes AS varchar[]))""")
                .bind("id", changeSet.id())
                .bind("edsTypes", edsTypes)
                .bind("ids", ids)
                .bind("types", types)
                .bind("codes", attributeCodes)
                .bind("outcomes", outcomes)
                .fetch().rowsUpdated()
                .then();
    }

    /** Bulk entities are enumerated later, by whichever replica claims them; the queue row makes the request durable. */
    private Mono<Integer> queueExpansions(NewChangeSet changeSet, Instant receivedAt) {
        List<ChangeSetEntity> bulk = changeSet.entities().stream()
                .filter(entity -> entity.disposition() == EntityDisposition.EXPAND).toList();
        if (bulk.isEmpty()) {
            return Mono.just(0);
        }
        return db.inConnectionMany(connection -> {
            Statement statement = connection.createStatement("""
                    INSERT INTO bulk_expansion (change_set_id, eds_type, entity_id, next_attempt_at, created_at)
                    VALUES ($1, $2, $3, $4, $4)""");
            boolean first = true;
            for (ChangeSetEntity entity : bulk) {
                if (!first) {
                    statement.add();
                }
                first = false;
                statement.bind(0, changeSet.id()).bind(1, entity.edsType()).bind(2, entity.entityId()).bind(3, utc(receivedAt));
            }
            return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated());
        }).then(Mono.just(bulk.size()));
    }

    /** One serialized {@code EntityChanged} per synced entity. */
    private List<OutboxMessage> events(NewChangeSet changeSet, UUID traceId, Instant receivedAt) {
        List<OutboxMessage> messages = new ArrayList<>();
        String traceW3c = TraceIds.w3c(traceId);
        for (ChangeSetEntity entity : changeSet.entities()) {
            if (entity.disposition() != EntityDisposition.SYNC) {
                continue;
            }
            EntityChanged event = EntityChanged.newBuilder()
                    .setChangeSetId(changeSet.id())
                    .setOrigin(changeSet.origin())
                    .setClientId(changeSet.clientId().toString())
                    .setSalesChannelId(changeSet.salesChannelId())
                    .setEntityType(entity.entityType())
                    .setEntityId(entity.entityId())
                    .setAttributeCode(entity.attributeCode())
                    .setSnapshot(entity.snapshot())
                    .setObservedAt(receivedAt)
                    .setTraceId(traceW3c)
                    .build();
            String topic = Topics.forEvent(entity.entityType(), changeSet.origin());
            messages.add(new OutboxMessage(changeSet.id(), topic, EntityKey.of(event), serializer.serialize(topic, event), receivedAt));
        }
        return messages;
    }

    static EntityOutcome initialOutcome(EntityDisposition disposition) {
        return switch (disposition) {
            case SYNC, INLINE, EXPAND -> EntityOutcome.PENDING;
            case UNSUPPORTED -> EntityOutcome.UNSUPPORTED;
            case IGNORED -> EntityOutcome.IGNORED;
        };
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
