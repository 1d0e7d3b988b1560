package com.skylinksync.sandbox.magento;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customer groups as Magento keeps them: seeded with a fresh install's four (NOT LOGGED IN, General, Wholesale,
 * Retailer), codes unique ignoring case and at most 32 characters, as Magento's group repository validates.
 */
final class CustomerGroupStore {

    static final int MAX_CODE_LENGTH = 32;

    private final Map<Integer, ObjectNode> groups = new LinkedHashMap<>();
    private int lastId = -1;

    CustomerGroupStore() {
        seed("NOT LOGGED IN", 3);
        seed("General", 3);
        seed("Wholesale", 3);
        seed("Retailer", 3);
    }

    synchronized ObjectNode create(JsonNode input) {
        ObjectNode group = validated(input, null);
        group.put("id", ++lastId);
        groups.put(lastId, group);
        return group.deepCopy();
    }

    synchronized ObjectNode replace(int id, JsonNode input) {
        if (!groups.containsKey(id)) {
            throw MagentoFault.noSuchEntity("id", Integer.toString(id));
        }
        ObjectNode group = validated(input, id);
        group.put("id", id);
        groups.put(id, group);
        return group.deepCopy();
    }

    synchronized Optional<ObjectNode> get(int id) {
        return Optional.ofNullable(groups.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> search(SearchCriteria criteria) {
        return groups.values().stream().filter(criteria::matches).map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> all() {
        return groups.values().stream().map(ObjectNode::deepCopy).toList();
    }

    private ObjectNode validated(JsonNode input, Integer self) {
        if (input == null || !input.isObject()) {
            throw MagentoFault.requiredField("group");
        }
        String code = CustomerJson.text(input, "code").map(String::strip).orElse("");
        if (code.isEmpty()) {
            throw MagentoFault.requiredField("code");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw MagentoFault.positional(400, "Customer Group code must not exceed %1 characters.",
                    List.of(Integer.toString(MAX_CODE_LENGTH)));
        }
        boolean taken = groups.entrySet().stream().anyMatch(e -> !e.getKey().equals(self)
                && e.getValue().get("code").asString().toLowerCase(Locale.ROOT).equals(code.toLowerCase(Locale.ROOT)));
        if (taken) {
            throw MagentoFault.of(400, "Customer Group already exists.");
        }
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.put("code", code);
        group.put("tax_class_id", CustomerJson.number(input, "tax_class_id").orElse(3L).intValue());
        group.put("tax_class_name", "Retail Customer");
        return group;
    }

    private void seed(String code, int taxClass) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.put("id", ++lastId);
        group.put("code", code);
        group.put("tax_class_id", taxClass);
        group.put("tax_class_name", "Retail Customer");
        groups.put(lastId, group);
    }
}
