package com.skylinksync.gateway.singlesync;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.changesets.ChangeSetEntity;
import com.skylinksync.gateway.changesets.ChangeSetRegistry;
import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.gateway.outbox.OutboxRelay;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Queues one entity for a sync now ({@code skylink sync TYPE ID}): an event with origin SINGLE on the real-time topic,
 * tracked as a change set of source OPERATOR (never acknowledged to RE), whose entity's outcome the caller then reads
 * from {@code GET /changesets/{id}}.
 */
@RestController
@Tag(name = "single sync")
class SingleSyncController {

    /** The types an operator can sync one of, with the EDS type their entity is recorded under. */
    private static final Map<String, Map.Entry<EntityType, String>> TYPES = Map.of(
            "customer", Map.entry(EntityType.CUSTOMER, "Customer"),
            "price-group", Map.entry(EntityType.PRICE_GROUP, "PriceGroup"),
            "product", Map.entry(EntityType.PRODUCT, "Product"),
            "order", Map.entry(EntityType.ORDER, "Order"));
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}|[0-9]{1,8}-[0-9]{1,12}");

    private final ChangeSetRegistry registry;
    private final TransactionalOperator transactions;
    private final DatabaseClient db;
    private final OutboxRelay relay;
    private final GatewayProperties properties;

    SingleSyncController(ChangeSetRegistry registry, TransactionalOperator transactions, DatabaseClient db, OutboxRelay relay,
                         GatewayProperties properties) {
        this.registry = registry;
        this.transactions = transactions;
        this.db = db;
        this.relay = relay;
        this.properties = properties;
    }

    /**
     * @param type customer, price-group, product or order
     * @param id   the RE id
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
            var type = request.type() == null ? null : TYPES.get(request.type());
            if (type == null) {
                throw new ProblemException(Problem.of("unsupported-sync-type", "Unprocessable Content", 422,
                        "type must be one of " + TYPES.keySet().stream().sorted().toList()).at("/type"));
            }
            if (request.id() == null || !ID.matcher(request.id()).matches()) {
                throw new ProblemException(Problem.of("invalid-sync", "Bad Request", 400,
                        "id must be an RE id: a positive integer, or an order id such as 16-00000001").at("/id"));
            }
            String id = "sync-" + UUID.randomUUID();
            NewChangeSet changeSet = new NewChangeSet(id, false, properties.clientId(), properties.salesChannels().getFirst(),
                    List.of(new ChangeSetEntity(type.getValue(), request.id(), type.getKey(), null, EntityDisposition.SYNC)), Origin.SINGLE);
            return transactions.transactional(registry.register(List.of(changeSet), Instant.now())
                            .then(db.sql("UPDATE change_set SET source = 'OPERATOR' WHERE id = :id").bind("id", id).fetch().rowsUpdated()))
                    .doOnNext(updated -> relay.wake())
                    .thenReturn(new Queued(id, request.type(), request.id()));
        });
    }
}
