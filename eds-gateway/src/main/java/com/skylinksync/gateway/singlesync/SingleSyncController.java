package com.skylinksync.gateway.singlesync;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.changesets.ChangeSetEntity;
import com.skylinksync.gateway.changesets.ChangeSetRegistry;
import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.gateway.outbox.OutboxRelay;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import com.skylinksync.schemas.avro.Origin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * One entity synced now ({@code skylink sync TYPE ID}), tracked as a change set of source OPERATOR (never
 * acknowledged to RE) so it shows in the entity's history. Inline ({@code POST /ops/sync/inline}): the owning service
 * runs it at once and the answer is its outcome. Queued ({@code POST /ops/sync}): an event with origin SINGLE on the
 * real-time topic, whose outcome the caller then reads from {@code GET /changesets/{id}}.
 */
@RestController
@Tag(name = "single sync")
class SingleSyncController {

    private final ChangeSetRegistry registry;
    private final TransactionalOperator transactions;
    private final DatabaseClient db;
    private final OutboxRelay relay;
    private final GatewayProperties properties;
    private final InlineSyncs inline;

    SingleSyncController(ChangeSetRegistry registry, TransactionalOperator transactions, DatabaseClient db, OutboxRelay relay,
                         GatewayProperties properties, InlineSyncs inline) {
        this.registry = registry;
        this.transactions = transactions;
        this.db = db;
        this.relay = relay;
        this.properties = properties;
        this.inline = inline;
    }

    /**
     * @param type customer, price-group, attribute, product, order or fulfillments
     * @param id   the RE id (an attribute option: {@code brand:7}; an order: {@code 16-00000001})
     */
    record SyncRequest(String type, String id) {
    }

    record Queued(String changeSetId, String type, String id) {
    }

    @PostMapping("/ops/sync")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue one entity for a sync now (origin SINGLE, ahead of backlog work); its outcome shows on GET /changesets/{changeSetId}")
    Mono<Queued> sync(@RequestBody SyncRequest request) {
        return Mono.defer(() -> {
            SyncType type = validated(request);
            String id = "sync-" + UUID.randomUUID();
            return register(id, type, request.id(), EntityDisposition.SYNC)
                    .doOnNext(updated -> relay.wake())
                    .thenReturn(new Queued(id, request.type(), request.id()));
        });
    }

    @PostMapping("/ops/sync/inline")
    @Operation(summary = "Sync one entity now through the service that owns its type (in the pod that owns the entity's partition,"
            + " in its lane) and answer the outcome: SYNCED (written, with the Magento id), UNCHANGED, or why it failed")
    Mono<Map<String, Object>> syncInline(@RequestBody SyncRequest request,
                                         @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return Mono.defer(() -> {
            SyncType type = validated(request);
            String changeSetId = "sync-" + UUID.randomUUID();
            return register(changeSetId, type, request.id(), EntityDisposition.INLINE)
                    .then(inline.sync(type, request.id(), changeSetId, authorization))
                    .onErrorResume(failure -> forget(changeSetId).then(Mono.error(failure)));
        });
    }

    private static SyncType validated(SyncRequest request) {
        SyncType type = SyncType.named(request.type()).orElseThrow(() -> new ProblemException(Problem.of("unsupported-sync-type",
                "Unprocessable Content", 422, "type must be one of " + SyncType.names()).at("/type")));
        if (!type.accepts(request.id())) {
            throw new ProblemException(Problem.of("invalid-sync", "Bad Request", 400, "id must be " + type.idHint()).at("/id"));
        }
        return type;
    }

    private Mono<Long> register(String changeSetId, SyncType type, String id, EntityDisposition disposition) {
        NewChangeSet changeSet = new NewChangeSet(changeSetId, false, properties.clientId(), properties.salesChannels().getFirst(),
                List.of(new ChangeSetEntity(type.edsType(id), type.entityId(id), type.entityType, type.attributeCode(id), disposition)),
                Origin.SINGLE);
        return transactions.transactional(registry.register(List.of(changeSet), Instant.now())
                .then(db.sql("UPDATE change_set SET source = 'OPERATOR' WHERE id = :id").bind("id", changeSetId).fetch().rowsUpdated()));
    }

    /** An inline sync that never reached its service leaves no change set that would wait forever. */
    private Mono<Void> forget(String changeSetId) {
        return transactions.transactional(db.sql("DELETE FROM change_set_entity WHERE change_set_id = :id").bind("id", changeSetId)
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM change_set WHERE id = :id").bind("id", changeSetId).fetch().rowsUpdated())).then();
    }
}
