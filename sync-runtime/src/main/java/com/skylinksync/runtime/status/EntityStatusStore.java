package com.skylinksync.runtime.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The entity status store ({@code entity_status} in the service's schema), written by the runtime around every run
 * and read by the status API. Called from virtual threads, so it blocks on R2DBC with a bound: a database that does
 * not answer fails the run (retried) rather than hanging it. Each method is one statement for a whole group of
 * entities, so status keeping costs a few round trips per batch, not per entity.
 */
public final class EntityStatusStore {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatabaseClient database;

    public EntityStatusStore(DatabaseClient database) {
        this.database = database;
    }

    /** Marks entities with a newly received event QUEUED (unless running). {@code changeSets} by entity id, values nullable. */
    public void queued(String entityType, Map<String, String> changeSets) {
        if (changeSets.isEmpty()) {
            return;
        }
        database.sql("""
                INSERT INTO entity_status (entity_type, entity_id, status, last_change_set, updated_at)
                SELECT $1, v.id, 'QUEUED', NULLIF(v.cs, ''), now() FROM unnest($2::text[], $3::text[]) AS v(id, cs)
                ON CONFLICT (entity_type, entity_id) DO UPDATE
                   SET status = 'QUEUED',
                       last_change_set = COALESCE(EXCLUDED.last_change_set, entity_status.last_change_set),
                       updated_at = now()
                 WHERE entity_status.status <> 'RUNNING'""")
                .bind(0, entityType)
                .bind(1, changeSets.keySet().toArray(String[]::new))
                .bind(2, changeSets.values().stream().map(cs -> cs == null ? "" : cs).toArray(String[]::new))
                .fetch().rowsUpdated().block(WAIT);
    }

    /**
     * Marks entities RUNNING with their attempt number and returns what is remembered of each (hash, target id).
     * {@code attempts} and {@code changeSets} are keyed by entity id.
     */
    public Map<String, EntityStatus> running(String entityType, Map<String, Integer> attempts, Map<String, String> changeSets) {
        if (attempts.isEmpty()) {
            return Map.of();
        }
        List<String> ids = new ArrayList<>(attempts.keySet());
        List<EntityStatus> rows = database.sql("""
                INSERT INTO entity_status (entity_type, entity_id, status, attempts, last_change_set, updated_at)
                SELECT $1, v.id, 'RUNNING', v.attempts, NULLIF(v.cs, ''), now()
                  FROM unnest($2::text[], $3::int[], $4::text[]) AS v(id, attempts, cs)
                ON CONFLICT (entity_type, entity_id) DO UPDATE
                   SET status = 'RUNNING', attempts = EXCLUDED.attempts,
                       last_change_set = COALESCE(EXCLUDED.last_change_set, entity_status.last_change_set),
                       updated_at = now()
                RETURNING *""")
                .bind(0, entityType)
                .bind(1, ids.toArray(String[]::new))
                .bind(2, ids.stream().map(attempts::get).toArray(Integer[]::new))
                .bind(3, ids.stream().map(id -> changeSets.getOrDefault(id, "")).map(cs -> cs == null ? "" : cs)
                        .toArray(String[]::new))
                .map(EntityStatusStore::read)
                .all().collectList().block(WAIT);
        Map<String, EntityStatus> byId = new LinkedHashMap<>();
        for (EntityStatus row : rows == null ? List.<EntityStatus>of() : rows) {
            byId.put(row.entityId(), row);
        }
        return byId;
    }

    /** Records how each run ended. */
    public void finished(String entityType, List<StatusUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        database.sql("""
                UPDATE entity_status s
                   SET status = v.status, attempts = v.attempts, last_error = NULLIF(v.err, ''),
                       last_synced_at = CASE WHEN v.status IN ('SYNCED', 'UNCHANGED') THEN now() ELSE s.last_synced_at END,
                       content_hash = COALESCE(NULLIF(v.hash, ''), s.content_hash),
                       target_id = COALESCE(NULLIF(v.mid, ''), s.target_id),
                       updated_at = now()
                  FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
                       AS v(id, status, attempts, err, hash, mid)
                 WHERE s.entity_type = $1 AND s.entity_id = v.id""")
                .bind(0, entityType)
                .bind(1, updates.stream().map(StatusUpdate::entityId).toArray(String[]::new))
                .bind(2, updates.stream().map(u -> u.status().name()).toArray(String[]::new))
                .bind(3, updates.stream().map(StatusUpdate::attempts).toArray(Integer[]::new))
                .bind(4, updates.stream().map(u -> orEmpty(u.lastError())).toArray(String[]::new))
                .bind(5, updates.stream().map(u -> orEmpty(u.contentHash())).toArray(String[]::new))
                .bind(6, updates.stream().map(u -> orEmpty(u.targetId())).toArray(String[]::new))
                .fetch().rowsUpdated().block(WAIT);
    }

    /** The entity's status; {@link SyncStatus#NEVER_SYNCED} when the store has never heard of it. */
    public EntityStatus find(String entityType, String entityId) {
        return Optional.ofNullable(database.sql("SELECT * FROM entity_status WHERE entity_type = $1 AND entity_id = $2")
                        .bind(0, entityType).bind(1, entityId)
                        .map(EntityStatusStore::read).one().block(WAIT))
                .orElseGet(() -> EntityStatus.neverSynced(entityType, entityId));
    }

    /** One page of the entities in a status, most recently changed first, and how many there are in all. */
    public StatusPage withStatus(SyncStatus status, int page, int size) {
        List<EntityStatus> items = database.sql("""
                SELECT * FROM entity_status WHERE status = $1
                 ORDER BY updated_at DESC, entity_type, entity_id LIMIT $2 OFFSET $3""")
                .bind(0, status.name()).bind(1, size).bind(2, (long) page * size)
                .map(EntityStatusStore::read).all().collectList().block(WAIT);
        Long total = database.sql("SELECT count(*) AS total FROM entity_status WHERE status = $1")
                .bind(0, status.name()).map(row -> row.get("total", Long.class)).one().block(WAIT);
        return new StatusPage(items == null ? List.of() : items, page, size, total == null ? 0 : total);
    }

    /** A page of {@link #withStatus}. */
    public record StatusPage(List<EntityStatus> items, int page, int size, long total) {
    }

    private static EntityStatus read(io.r2dbc.spi.Readable row) {
        return new EntityStatus(row.get("entity_type", String.class), row.get("entity_id", String.class),
                SyncStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
                row.get("last_error", String.class), instant(row.get("last_synced_at", OffsetDateTime.class)),
                row.get("content_hash", String.class), row.get("target_id", String.class),
                row.get("last_change_set", String.class), instant(row.get("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
