package com.skylinksync.catalog.attributes;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.catalog.MagentoAttribute;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * RE attribute options as Magento attribute options (reference 3.4): a select attribute gets each RE option created,
 * or relabelled when it is linked and its label differs, or matched to an existing Magento option by label; the link is
 * kept per option. Free-text attributes (the custom codes) take the label itself, so they have no options to sync.
 */
@Component
public class AttributeOptions {

    private final RetailExpressCatalogue retailExpress;
    private final MagentoCatalog magento;
    private final CatalogProperties properties;
    private final AttributeOptionLinks links;
    private final CatalogSetup setup;
    private final Map<AttributeCode, Object> syncing = new ConcurrentHashMap<>();

    AttributeOptions(RetailExpressCatalogue retailExpress, MagentoCatalog magento, CatalogProperties properties,
                     AttributeOptionLinks links, CatalogSetup setup) {
        this.retailExpress = retailExpress;
        this.setup = setup;
        this.magento = magento;
        this.properties = properties;
        this.links = links;
    }

    /**
     * The Magento attribute an RE code maps to, as the set-up's last check read it; an unmapped code, an attribute
     * Magento lacks or one of an unusable type is permanent, naming it (and asks the set-up to look again soon, so
     * an operator's fix is taken up).
     */
    public MagentoAttribute attribute(AttributeCode code) {
        String magentoCode = properties.magentoCode(code);
        if (magentoCode.isEmpty()) {
            throw new PermanentSyncException("ATTRIBUTE_NOT_MAPPED", "RE attribute " + code.code()
                    + " is not mapped to a Magento attribute (skylink.catalog.attributes." + code.code() + ")");
        }
        MagentoAttribute attribute = setup.attribute(magentoCode).orElseThrow(() -> {
            setup.recheckSoon();
            return new PermanentSyncException("ATTRIBUTE_NOT_IN_MAGENTO", "Magento has no attribute " + magentoCode
                    + " (mapped from RE " + code.code() + ")");
        });
        AttributeTypes.problem(attribute, code.isPredefined()).ifPresent(problem -> {
            setup.recheckSoon();
            throw new PermanentSyncException("UNSUPPORTED_ATTRIBUTE_TYPE", problem + " (mapped from RE " + code.code() + ")");
        });
        return attribute;
    }

    /** The Magento option already linked to this RE option, if any (no Magento or RE call when cached). */
    public Optional<String> linked(AttributeCode code, String reOptionId) {
        return links.find(code.code(), reOptionId, attribute(code));
    }

    /** Every RE option of the code, synced; returns how many Magento writes that took. */
    public int syncAttribute(AttributeCode code) {
        MagentoAttribute attribute = attribute(code);
        if (!code.isPredefined()) {
            return 0;
        }
        // Products of one batch needing the same new option sync its attribute one after the other, not all at once.
        synchronized (syncing.computeIfAbsent(code, c -> new Object())) {
            return syncAll(code, attribute);
        }
    }

    private int syncAll(AttributeCode code, MagentoAttribute attribute) {
        List<AttributeOption> options = retailExpress.getAllProductAttributes().of(code);
        int writes = 0;
        List<MagentoAttribute.Option> existing = magento.getAttributeOptions(attribute.code());
        for (AttributeOption option : options) {
            writes += syncOption(attribute, option, existing);
        }
        return writes;
    }

    /**
     * Adds the option; another pod (or thread) adding the same label first makes Magento refuse it as existing, and
     * then that option is the one.
     */
    private String add(MagentoAttribute attribute, AttributeOption option) {
        try {
            return magento.addAttributeOption(attribute.code(), option.label());
        } catch (MagentoException.Rejected taken) {
            return magento.getAttributeOptions(attribute.code()).stream()
                    .filter(o -> o.label().equalsIgnoreCase(option.label())).map(MagentoAttribute.Option::value)
                    .findFirst().orElseThrow(() -> taken);
        }
    }

    /** One RE option synced; empty when RE does not have it. Returns the writes it took. */
    public Optional<Integer> syncOption(AttributeCode code, String reOptionId) {
        MagentoAttribute attribute = attribute(code);
        if (!code.isPredefined()) {
            return Optional.of(0);
        }
        Optional<AttributeOption> option = retailExpress.getAllProductAttributes().of(code).stream()
                .filter(o -> o.id().equals(reOptionId)).findFirst();
        return option.map(o -> syncOption(attribute, o, magento.getAttributeOptions(attribute.code())));
    }

    private int syncOption(MagentoAttribute attribute, AttributeOption option, List<MagentoAttribute.Option> existing) {
        Optional<String> linked = links.find(option.code().code(), option.id(), attribute);
        Optional<MagentoAttribute.Option> current = linked.flatMap(id -> existing.stream()
                .filter(o -> o.value().equals(id)).findFirst());
        if (current.isPresent()) {
            if (current.get().label().equals(option.label())) {
                return 0;
            }
            magento.relabelAttributeOption(attribute.code(), current.get().value(), option.label());
            return 1;
        }
        Optional<MagentoAttribute.Option> byLabel = existing.stream()
                .filter(o -> o.label().equalsIgnoreCase(option.label())).findFirst();
        String id = byLabel.map(MagentoAttribute.Option::value).orElseGet(() -> add(attribute, option));
        links.save(option.code().code(), option.id(), attribute, id);
        return byLabel.isPresent() ? 0 : 1;
    }
}
