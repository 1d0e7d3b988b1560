package com.skylinksync.catalog.products;

import java.time.Duration;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What was last written to each Magento write target ({@code write_target}): {@code product:<id>}, {@code stock:<id>},
 * {@code prices:<id>}, {@code matrix:<manufacturer SKU>}, with the hash of the RE content it came from and the
 * Magento product it went to. Equal hash: nothing to write.
 */
@Component
class WriteTargets {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Written(String contentHash, Long magentoId, String magentoSku) {
    }

    private final DatabaseClient database;

    WriteTargets(DatabaseClient database) {
        this.database = database;
    }

    Optional<Written> find(String target) {
        return Optional.ofNullable(database.sql("SELECT content_hash, magento_id, magento_sku FROM write_target WHERE target = $1")
                .bind(0, target)
                .map(row -> new Written(row.get("content_hash", String.class), row.get("magento_id", Long.class),
                        row.get("magento_sku", String.class)))
                .one().block(WAIT));
    }

    boolean unchanged(String target, String hash) {
        return find(target).map(Written::contentHash).filter(hash::equals).isPresent();
    }

    void written(String target, String hash, long magentoId, String magentoSku) {
        database.sql("""
                INSERT INTO write_target (target, content_hash, magento_id, magento_sku) VALUES ($1, $2, $3, $4)
                ON CONFLICT (target) DO UPDATE SET content_hash = EXCLUDED.content_hash, magento_id = EXCLUDED.magento_id,
                       magento_sku = EXCLUDED.magento_sku, updated_at = now()
                """).bind(0, target).bind(1, hash).bind(2, magentoId).bind(3, magentoSku)
                .fetch().rowsUpdated().block(WAIT);
    }
}
