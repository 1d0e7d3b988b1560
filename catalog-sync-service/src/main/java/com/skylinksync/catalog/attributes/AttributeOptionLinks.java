package com.skylinksync.catalog.attributes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * RE option → Magento option, per RE attribute code ({@code attribute_option_link}), cached per process. A link whose
 * Magento attribute changed (the mapping was changed) is not used.
 */
@Component
class AttributeOptionLinks {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Link(String magentoCode, String magentoOptionId) {
    }

    private final DatabaseClient database;
    private final Map<String, Link> cache = new ConcurrentHashMap<>();

    AttributeOptionLinks(DatabaseClient database) {
        this.database = database;
    }

    Optional<String> find(String reCode, String reOptionId, String magentoCode) {
        String key = reCode + ":" + reOptionId;
        Link link = cache.get(key);
        if (link == null) {
            link = database.sql("SELECT magento_code, magento_option_id FROM attribute_option_link WHERE re_code = $1 AND re_option_id = $2")
                    .bind(0, reCode).bind(1, reOptionId)
                    .map(row -> new Link(row.get("magento_code", String.class), row.get("magento_option_id", String.class)))
                    .one().block(WAIT);
            if (link != null) {
                cache.put(key, link);
            }
        }
        return Optional.ofNullable(link).filter(l -> l.magentoCode().equals(magentoCode)).map(Link::magentoOptionId);
    }

    void save(String reCode, String reOptionId, String magentoCode, String magentoOptionId) {
        database.sql("""
                INSERT INTO attribute_option_link (re_code, re_option_id, magento_code, magento_option_id)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (re_code, re_option_id) DO UPDATE
                   SET magento_code = EXCLUDED.magento_code, magento_option_id = EXCLUDED.magento_option_id
                """).bind(0, reCode).bind(1, reOptionId).bind(2, magentoCode).bind(3, magentoOptionId)
                .fetch().rowsUpdated().block(WAIT);
        cache.put(reCode + ":" + reOptionId, new Link(magentoCode, magentoOptionId));
    }
}
