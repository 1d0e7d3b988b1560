package com.skylinksync.gateway.drift;

import com.skylinksync.drift.Drift;
import com.skylinksync.drift.DriftCategory;
import com.skylinksync.drift.DriftHeal;
import com.skylinksync.drift.DriftReport;
import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.changesets.ChangeSetEntity;
import com.skylinksync.gateway.changesets.ChangeSetRegistry;
import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.gateway.outbox.OutboxRelay;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A heal is a tracked run like a bulk run: a change set of source OPERATOR ({@code bulk_type} drift, never
 * acknowledged to RE) whose entities are the report's heal targets, published with origin DRIFT (to the backlog
 * topics, at backlog priority) through the outbox, so {@code GET /ops/bulk-runs/{id}} shows its progress from the
 * completions. What cannot be healed stays in the report with its reason.
 */
@Component
class DriftHealRuns {

    /** A heal started: the run to follow, what it syncs, and what it leaves for an operator. */
    record Started(String runId, String reportId, String category, int entities, List<Drift> unhealable) {
    }

    private final ChangeSetRegistry registry;
    private final TransactionalOperator transactions;
    private final DatabaseClient db;
    private final OutboxRelay relay;
    private final GatewayProperties properties;

    DriftHealRuns(ChangeSetRegistry registry, TransactionalOperator transactions, DatabaseClient db, OutboxRelay relay,
                  GatewayProperties properties) {
        this.registry = registry;
        this.transactions = transactions;
        this.db = db;
        this.relay = relay;
        this.properties = properties;
    }

    Mono<Started> heal(DriftReport report, DriftCategory category) {
        String id = "drift-heal-" + UUID.randomUUID();
        var which = DriftHeal.of(category);
        List<Drift> unhealable = report.items().stream().filter(which).filter(item -> !item.healable()).toList();
        var targets = report.healTargets(which);
        if (targets.isEmpty()) {
            return Mono.just(new Started(null, report.id(), category == null ? "all" : category.label(), 0, unhealable));
        }
        List<ChangeSetEntity> entities = targets.stream().map(target -> new ChangeSetEntity(edsType(target.type()),
                target.id(), target.type(), null, EntityDisposition.SYNC, target.snapshot())).toList();
        NewChangeSet changeSet = new NewChangeSet(id, false, properties.clientId(), properties.salesChannels().getFirst(),
                entities, Origin.DRIFT);
        return transactions.transactional(registry.register(List.of(changeSet), Instant.now())
                        .then(db.sql("UPDATE change_set SET source = 'OPERATOR', bulk_type = 'drift' WHERE id = :id").bind("id", id)
                                .fetch().rowsUpdated())
                        .then(db.sql("UPDATE change_set_entity SET origin = 'DRIFT' WHERE change_set_id = :id").bind("id", id)
                                .fetch().rowsUpdated()))
                .doOnNext(done -> relay.wake())
                .thenReturn(new Started(id, report.id(), category == null ? "all" : category.label(), entities.size(), unhealable));
    }

    /** The EDS type a heal entity is recorded under, as if RE had named it. */
    static String edsType(EntityType type) {
        return switch (type) {
            case CUSTOMER -> "Customer";
            case PRODUCT -> "Product";
            case ORDER -> "Order";
            case PRICE_GROUP -> "PriceGroup";
            default -> type.name();
        };
    }
}
