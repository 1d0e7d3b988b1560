package com.skylinksync.catalog.attributes;

import com.skylinksync.magento.catalog.MagentoAttribute;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * RE option → Magento option, per RE attribute code ({@code attribute_option_link}), cached per process. A link whose
 * Magento attribute changed (the mapping was changed, or the attribute was deleted and created again in Magento, so
 * its id differs and the old options are gone) is not used: the option is then matched or created again.
 */
@Component
class AttributeOptionLinks {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Link(String magentoCode, Integer magentoAttributeId, String magentoOptionId) {
    }

    private final DatabaseClient database;
    private final Map<String, Link> cache = new ConcurrentHashMap<>();

    AttributeOptionLinks(DatabaseClient database) {
        this.database = database;
    }

    Optional<String> find(String reCode, String reOptionId, MagentoAttribute attribute) {
        String key = reCode + ":" + reOptionId;
        Link link = cache.get(key);
        if (link == null) {
            link = database.sql("SELECT magento_code, magento_attribute_id, magento_option_id FROM attribute_option_link"
                            + " WHERE re_code = $1 AND re_option_id = $2")
                    .bind(0, reCode).bind(1, reOptionId)
                    .map(row -> new Link(row.get("magento_code", String.class), row.get("magento_attribute_id", Integer.class),
                            row.get("magento_option_id", String.class)))
                    .one().block(WAIT);
            if (link != null) {
                cache.put(key, link);
            }
        }
        return Optional.ofNullable(link).filter(l -> l.magentoCode().equals(attribute.code())
                && Objects.equals(l.magentoAttributeId(), attribute.attributeId())).map(Link::magentoOptionId);
    }

    void save(String reCode, String reOptionId, MagentoAttribute attribute, String magentoOptionId) {
        var insert = database.sql("""
                INSERT INTO attribute_option_link (re_code, re_option_id, magento_code, magento_attribute_id, magento_option_id)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (re_code, re_option_id) DO UPDATE
                   SET magento_code = EXCLUDED.magento_code, magento_attribute_id = EXCLUDED.magento_attribute_id,
                       magento_option_id = EXCLUDED.magento_option_id
                """).bind(0, reCode).bind(1, reOptionId).bind(2, attribute.code());
        insert = attribute.attributeId() == null ? insert.bindNull(3, Integer.class) : insert.bind(3, attribute.attributeId());
        insert.bind(4, magentoOptionId).fetch().rowsUpdated().block(WAIT);
        cache.put(reCode + ":" + reOptionId, new Link(attribute.code(), attribute.attributeId(), magentoOptionId));
    }
}
