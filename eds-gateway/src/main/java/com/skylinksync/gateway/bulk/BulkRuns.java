package com.skylinksync.gateway.bulk;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.changesets.ChangeSetEntity;
import com.skylinksync.gateway.changesets.ChangeSetRegistry;
import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators' bulk runs: each is a change set of source OPERATOR holding bulk entities (the same ones RE's own bulk
 * types use), so the expander enumerates and publishes it to the backlog topics, and the completions give every entity
 * its outcome. A run's progress is its change set's outcome counts; RE's own bulk change sets are listed as runs too.
 */
@Component
class BulkRuns {

    /** What an operator can resync, and the bulk entities that stand for it. */
    enum RunType {
        CUSTOMERS("customers", EntityType.CUSTOMER),
        PRODUCTS("products", EntityType.PRODUCT),
        PRICE_GROUPS("price-groups", EntityType.PRICE_GROUP),
        ATTRIBUTES("attributes", EntityType.ATTRIBUTE_OPTION),
        OUTLETS("outlets", EntityType.OUTLET),
        FULFILLMENTS("fulfillments", EntityType.ORDER);

        final String name;
        final EntityType entityType;

        RunType(String name, EntityType entityType) {
            this.name = name;
            this.entityType = entityType;
        }

        static Optional<RunType> of(String name) {
            for (RunType type : values()) {
                if (type.name.equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final ChangeSetRegistry registry;
    private final BulkExpander expander;
    private final GatewayProperties properties;
    private final BulkSources sources;

    BulkRuns(DatabaseClient db, TransactionalOperator transactions, ChangeSetRegistry registry, BulkExpander expander,
             GatewayProperties properties, BulkSources sources) {
        this.db = db;
        this.transactions = transactions;
        this.registry = registry;
        this.expander = expander;
        this.properties = properties;
        this.sources = sources;
    }

    /**
     * Products and outlets are every configured sales channel's, unioned (an id in two channels is one entity of the
     * run, its event for the first channel that has it).
     */
    private List<ChangeSetEntity> bulkEntities(RunType type) {
        return switch (type) {
            case CUSTOMERS -> List.of(expand(BulkKind.BULK_CUSTOMER, "0", EntityType.CUSTOMER));
            case PRICE_GROUPS -> List.of(expand(BulkKind.ALL_PRICE_GROUPS, "0", EntityType.PRICE_GROUP));
            case PRODUCTS -> properties.salesChannels().stream()
                    .map(channel -> expand(BulkKind.SALES_CHANNEL, channel.toString(), EntityType.PRODUCT)).toList();
            case ATTRIBUTES -> List.of(expand(BulkKind.ALL_ATTRIBUTES, "0", EntityType.ATTRIBUTE_OPTION));
            case OUTLETS -> properties.salesChannels().stream()
                    .map(channel -> expand(BulkKind.CHANNEL_OUTLETS, channel.toString(), EntityType.OUTLET)).toList();
            case FULFILLMENTS -> List.of(expand(BulkKind.LINKED_ORDERS, "0", EntityType.ORDER));
        };
    }

    /** Why this type cannot run on this gateway; empty when it can (fulfillments read Magento's orders). */
    Optional<String> unavailable(RunType type) {
        return type == RunType.FULFILLMENTS && !sources.linkedOrders().available()
                ? Optional.of("fulfillments enumerates Magento's active orders: set skylink.magento.base-url and"
                + " skylink.magento.access-token on the gateway")
                : Optional.empty();
    }

    private static ChangeSetEntity expand(BulkKind kind, String id, EntityType type) {
        return new ChangeSetEntity(kind.edsType(), id, type, null, EntityDisposition.EXPAND);
    }

    Mono<String> start(RunType type, Instant since) {
        String id = "bulk-" + UUID.randomUUID();
        NewChangeSet changeSet = new NewChangeSet(id, false, properties.clientId(), properties.salesChannels().getFirst(), bulkEntities(type));
        var spec = db.sql("UPDATE change_set SET source = 'OPERATOR', bulk_type = :type, since = :since WHERE id = :id")
                .bind("type", type.name).bind("id", id)
                .bind("since", since == null ? io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.TIMESTAMP_WITH_TIME_ZONE)
                        : io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.TIMESTAMP_WITH_TIME_ZONE, since.atOffset(ZoneOffset.UTC)));
        return transactions.transactional(registry.register(List.of(changeSet), Instant.now()).then(spec.fetch().rowsUpdated()))
                .doOnNext(updated -> expander.wake())
                .thenReturn(id);
    }

    /** Enumerates as the run would (the same RE calls) and counts what {@code --since} would leave out, publishing nothing. */
    Mono<BulkRunView.DryRun> dryRun(RunType type, Instant since) {
        List<ChangeSetEntity> bulk = bulkEntities(type);
        return Flux.fromIterable(bulk)
                .concatMap(entity -> Mono.fromCallable(() -> BulkKind.of(entity.edsType()).enumerate(sources,
                                new BulkRequest("dry-run", entity.edsType(), entity.entityId(), 1, properties.clientId(),
                                        properties.salesChannels().getFirst(), UUID.randomUUID(), since)))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMapIterable(ids -> ids)
                // Distinct as the change set's key would make them (an outlet of two channels is one entity).
                .distinct(entity -> entity.edsType() + "/" + entity.entityId())
                .collectList()
                .flatMap(ids -> since == null || ids.isEmpty() ? Mono.just((long) ids.size())
                        : db.sql("""
                                SELECT count(*) AS left_in FROM unnest(CAST(:ids AS varchar[]), CAST(:codes AS varchar[])) AS e(id, code)
                                WHERE NOT EXISTS (SELECT 1 FROM change_set_entity s WHERE s.entity_type = :type AND s.entity_id = e.id
                                  AND s.attribute_code IS NOT DISTINCT FROM NULLIF(e.code, '')
                                  AND s.outcome IN ('SYNCED', 'UNCHANGED') AND s.finished_at >= :since)""")
                        .bind("ids", ids.stream().map(BulkKind.Enumerated::entityId).toArray(String[]::new))
                        .bind("codes", ids.stream().map(e -> e.attributeCode() == null ? "" : e.attributeCode()).toArray(String[]::new))
                        .bind("type", type.entityType.name())
                        .bind("since", since.atOffset(ZoneOffset.UTC))
                        .map(row -> row.get("left_in", Long.class)).one())
                // Each entity costs at most one RE fetch (the services fetch many per call where RE allows it).
                .map(entities -> {
                    long enumerationCalls = bulk.stream().filter(entity -> BulkKind.of(entity.edsType()).readsRetailExpress()).count();
                    return new BulkRunView.DryRun(type.name, entities, enumerationCalls, enumerationCalls + entities, since);
                });
    }

    private static final String RUNS = """
            SELECT c.id, c.source, c.bulk_type, c.received_at, c.cancelled_at, c.since,
                   (SELECT string_agg(DISTINCT b.eds_type, ',') FROM bulk_expansion b WHERE b.change_set_id = c.id) AS eds_types,
                   EXISTS (SELECT 1 FROM bulk_expansion b WHERE b.change_set_id = c.id AND b.status = 'PENDING') AS enumerating,
                   (SELECT max(e.finished_at) FROM change_set_entity e WHERE e.change_set_id = c.id AND e.origin IN ('BULK', 'DRIFT')) AS last_finished
            FROM change_set c
            WHERE (EXISTS (SELECT 1 FROM bulk_expansion b WHERE b.change_set_id = c.id) OR c.bulk_type = 'drift')""";

    Mono<BulkRunView.Page> list(int limit) {
        return db.sql(RUNS + " ORDER BY c.received_at DESC, c.id LIMIT :limit").bind("limit", limit)
                .map(BulkRuns::header) // read inside the driver's mapping: a row escaping it is already released
                .all()
                .concatMap(this::withCounts)
                .collectList()
                .map(BulkRunView.Page::new);
    }

    Mono<BulkRunView> find(String id) {
        return db.sql(RUNS + " AND c.id = :id").bind("id", id).map(BulkRuns::header).one().flatMap(this::withCounts);
    }

    /** Cancels an operator's run: its unpublished events are withdrawn and their entities marked CANCELLED. */
    Mono<Boolean> cancel(String id) {
        return transactions.transactional(db.sql("UPDATE change_set SET cancelled_at = now() WHERE id = :id AND source = 'OPERATOR' AND cancelled_at IS NULL")
                .bind("id", id).fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.just(false)
                        : db.sql("UPDATE bulk_expansion SET status = 'FAILED', last_error = 'cancelled', finished_at = now() WHERE change_set_id = :id AND status = 'PENDING'")
                        .bind("id", id).fetch().rowsUpdated()
                        .then(db.sql("""
                                UPDATE change_set_entity e SET outcome = 'CANCELLED', finished_at = now()
                                WHERE e.change_set_id = :id AND e.outcome IN ('PENDING', 'FAILED')
                                  AND (e.origin = 'EDS' OR EXISTS (SELECT 1 FROM outbox o WHERE o.change_set_id = :id
                                       AND (o.message_key = CASE WHEN e.attribute_code IS NULL THEN e.entity_id ELSE e.attribute_code || ':' || e.entity_id END
                                            OR CASE WHEN e.attribute_code IS NULL THEN e.entity_id ELSE e.attribute_code || ':' || e.entity_id END
                                               = ANY(o.message_keys))))""")
                                .bind("id", id).fetch().rowsUpdated())
                        .then(db.sql("DELETE FROM outbox WHERE change_set_id = :id").bind("id", id).fetch().rowsUpdated())
                        .thenReturn(true)));
    }

    private record Header(String id, String source, String type, Instant startedAt, Instant cancelledAt, Instant since,
                          boolean enumerating, Instant lastFinished) {
    }

    private static Header header(io.r2dbc.spi.Readable row) {
        String type = row.get("bulk_type", String.class);
        if (type == null) {
            String edsTypes = row.get("eds_types", String.class);
            type = edsTypes != null && edsTypes.contains("BulkCustomer") ? "customers" : "products";
        }
        return new Header(row.get("id", String.class), row.get("source", String.class), type,
                instant(row.get("received_at", OffsetDateTime.class)), instant(row.get("cancelled_at", OffsetDateTime.class)),
                instant(row.get("since", OffsetDateTime.class)), Boolean.TRUE.equals(row.get("enumerating", Boolean.class)),
                instant(row.get("last_finished", OffsetDateTime.class)));
    }

    private Mono<BulkRunView> withCounts(Header run) {
        return db.sql("SELECT outcome, count(*) AS n FROM change_set_entity WHERE change_set_id = :id AND origin IN ('BULK', 'DRIFT') GROUP BY outcome ORDER BY outcome")
                .bind("id", run.id())
                .map(row -> Map.entry(row.get("outcome", String.class), row.get("n", Long.class)))
                .all()
                .collect(LinkedHashMap<String, Long>::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()))
                .map(outcomes -> {
                    long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
                    long pending = outcomes.getOrDefault("PENDING", 0L);
                    long retrying = outcomes.getOrDefault("FAILED", 0L);
                    String status = run.cancelledAt() != null ? "CANCELLED" : run.enumerating() ? "ENUMERATING"
                            : pending + retrying > 0 ? "RUNNING" : "FINISHED";
                    Instant finished = status.equals("FINISHED") ? (run.lastFinished() != null ? run.lastFinished() : run.startedAt())
                            : status.equals("CANCELLED") ? run.cancelledAt() : null;
                    return new BulkRunView(run.id(), run.source(), run.type(), status, total, outcomes.getOrDefault("SYNCED", 0L),
                            outcomes.getOrDefault("UNCHANGED", 0L),
                            outcomes.getOrDefault("DEAD_LETTERED", 0L) + outcomes.getOrDefault("PARKED", 0L), retrying, pending,
                            outcomes.getOrDefault("CANCELLED", 0L), run.since(), run.startedAt(), finished, outcomes);
                });
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static List<String> typeNames() {
        List<String> names = new ArrayList<>();
        for (RunType type : RunType.values()) {
            names.add(type.name);
        }
        return names;
    }
}
