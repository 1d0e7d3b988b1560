package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.catalog.attributes.AttributeOptions;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A product's eight RE attributes as Magento custom attribute values (reference 3.5): the linked option id for a
 * select, the label for a text attribute, null (cleared) when RE has no value. An option not linked yet gets its
 * attribute synced first, once; still missing then, the product fails permanently naming the option (the original
 * retried the mapping for ever).
 */
@Component
class AttributeValues {

    private final AttributeOptions options;
    private final CatalogProperties properties;

    AttributeValues(AttributeOptions options, CatalogProperties properties) {
        this.options = options;
        this.properties = properties;
    }

    /**
     * The values to write: a code without a value clears its attribute (nothing is written for an unmapped code); a
     * value of an unmapped code or for an unusable attribute fails permanently naming it, so only the products that
     * carry such a value stop.
     */
    Map<String, String> of(List<AttributeOption> values) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeCode code : AttributeCode.values()) {
            Optional<AttributeOption> value = values.stream().filter(o -> o.code() == code).findFirst();
            if (value.isPresent()) {
                attributes.put(options.attribute(code).code(), magentoValue(value.get()));
            } else if (!properties.magentoCode(code).isEmpty()) {
                attributes.putIfAbsent(properties.magentoCode(code), null);
            }
        }
        return attributes;
    }

    /** The Magento option id of an RE option of a select attribute. */
    String optionId(AttributeOption option) {
        return options.linked(option.code(), option.id()).or(() -> {
            options.syncAttribute(option.code());
            return options.linked(option.code(), option.id());
        }).orElseThrow(() -> new PermanentSyncException("ATTRIBUTE_OPTION_MISSING", "RE " + option.code().code()
                + " option " + option.id() + " (\"" + option.label() + "\") is not in Magento attribute "
                + properties.magentoCode(option.code()) + " and RE does not list it to sync"));
    }

    private String magentoValue(AttributeOption option) {
        return option.code().isPredefined() ? optionId(option) : option.label();
    }
}
