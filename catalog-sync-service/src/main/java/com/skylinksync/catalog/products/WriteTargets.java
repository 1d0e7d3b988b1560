package com.skylinksync.catalog.products;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What was last written to each Magento write target ({@code write_target}): {@code product:<id>}, {@code stock:<id>},
 * {@code prices:<id>}, {@code matrix:<manufacturer SKU>}, {@code website:<id>:<website>}, with the hash of the RE
 * content it came from and the Magento product it went to. Equal hash: nothing to write. A group of products reads
 * and writes its targets through one {@link TargetBatch}: one query and one statement for the group.
 */
@Component
class WriteTargets {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Written(String contentHash, Long magentoId, String magentoSku) {
    }

    /** A target as written: its name and what went to it. */
    record Row(String target, String contentHash, long magentoId, String magentoSku) {
    }

    private final DatabaseClient database;

    WriteTargets(DatabaseClient database) {
        this.database = database;
    }

    /** A batch for a group of products, with these targets read in one query. */
    TargetBatch batch(Collection<String> targets) {
        TargetBatch batch = new TargetBatch(this);
        batch.read(targets);
        return batch;
    }

    Optional<Written> find(String target) {
        return Optional.ofNullable(findAll(List.of(target)).get(target));
    }

    /** The targets of these names that have been written (absent: never). */
    Map<String, Written> findAll(Collection<String> targets) {
        Map<String, Written> found = new HashMap<>();
        if (targets.isEmpty()) {
            return found;
        }
        List<Map.Entry<String, Written>> rows = database.sql(
                        "SELECT target, content_hash, magento_id, magento_sku FROM write_target WHERE target = ANY($1)")
                .bind(0, targets.toArray(String[]::new))
                .map(row -> Map.entry(row.get("target", String.class), new Written(row.get("content_hash", String.class),
                        row.get("magento_id", Long.class), row.get("magento_sku", String.class))))
                .all().collectList().block(WAIT);
        if (rows != null) {
            rows.forEach(row -> found.put(row.getKey(), row.getValue()));
        }
        return found;
    }

    void written(String target, String hash, long magentoId, String magentoSku) {
        writeAll(List.of(new Row(target, hash, magentoId, magentoSku)));
    }

    /** Upserts every row in one statement (each target once: the caller keeps the last row per target). */
    void writeAll(Collection<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        database.sql("""
                INSERT INTO write_target (target, content_hash, magento_id, magento_sku)
                SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
                ON CONFLICT (target) DO UPDATE SET content_hash = EXCLUDED.content_hash, magento_id = EXCLUDED.magento_id,
                       magento_sku = EXCLUDED.magento_sku, updated_at = now()
                """)
                .bind(0, rows.stream().map(Row::target).toArray(String[]::new))
                .bind(1, rows.stream().map(Row::contentHash).toArray(String[]::new))
                .bind(2, rows.stream().map(Row::magentoId).toArray(Long[]::new))
                .bind(3, rows.stream().map(Row::magentoSku).toArray(String[]::new))
                .fetch().rowsUpdated().block(WAIT);
    }
}
