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
 * Customer groups as M/Customer/Model/ResourceModel/GroupRepository::save keeps them, seeded with a fresh install's
 * four (NOT LOGGED IN, General, Wholesale, Retailer; AF Customer/Api/GroupRepositoryTest::getGroupDataProvider).
 */
final class CustomerGroupStore {

    // M/Customer/Model/Group::GROUP_CODE_MAX_LENGTH
    static final int MAX_CODE_LENGTH = 32;
    // GroupRepository::DEFAULT_TAX_CLASS_ID
    private static final int DEFAULT_TAX_CLASS = 3;

    private final TaxClasses taxClasses;
    private final Map<Integer, ObjectNode> groups = new LinkedHashMap<>();
    private int lastId = -1;

    CustomerGroupStore(TaxClasses taxClasses) {
        this.taxClasses = taxClasses;
        for (String code : List.of("NOT LOGGED IN", "General", "Wholesale", "Retailer")) {
            ObjectNode group = JsonNodeFactory.instance.objectNode();
            group.put("id", ++lastId);
            group.put("code", code);
            group.put("tax_class_id", DEFAULT_TAX_CLASS);
            group.put("tax_class_name", "Retail Customer");
            groups.put(lastId, group);
        }
    }

    /**
     * GroupRepository::save. With an id it updates that group: the given tax class is checked, then the group looked
     * up (POST with an unknown id is a 404, AF GroupRepositoryTest::testCreateGroupWithIdRest). Without one it creates
     * a group, with tax class 3 unless another is given.
     */
    synchronized ObjectNode save(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw MagentoFault.requiredField("group");
        }
        // GroupRepository::_validate: NotEmpty counts whitespace as empty.
        String code = CustomerJson.text(input, "code").orElse("");
        if (code.isBlank()) {
            throw MagentoFault.requiredField("code");
        }
        Optional<Long> id = CustomerJson.number(input, "id");
        Object givenTaxClass = taxClassAsGiven(input);
        ObjectNode group;
        long taxClassId;
        if (id.isPresent()) {
            taxClassId = verifyTaxClass(CustomerJson.number(input, "tax_class_id").orElse(null), givenTaxClass);
            ObjectNode stored = groups.get(id.get().intValue());
            if (stored == null) {
                // M/Customer/Model/GroupRegistry::retrieve
                throw MagentoFault.noSuchEntity("id", id.get().intValue());
            }
            group = stored.deepCopy();
        } else {
            Long given = CustomerJson.number(input, "tax_class_id").filter(tax -> tax != 0).orElse(null);
            taxClassId = verifyTaxClass(given == null ? DEFAULT_TAX_CLASS : given, givenTaxClass);
            group = JsonNodeFactory.instance.objectNode();
        }
        // M/Customer/Model/ResourceModel/Group::_beforeSave cuts the code with mb_substr: 32 characters, not bytes.
        String cut = code.codePointCount(0, code.length()) <= MAX_CODE_LENGTH ? code
                : code.substring(0, code.offsetByCodePoints(0, MAX_CODE_LENGTH));
        // The resource model's unique field, checked after the cut, ignoring case as the column's collation does.
        Integer self = id.map(Long::intValue).orElse(null);
        boolean taken = groups.entrySet().stream().anyMatch(e -> !e.getKey().equals(self)
                && e.getValue().get("code").asString().toLowerCase(Locale.ROOT).equals(cut.toLowerCase(Locale.ROOT)));
        if (taken) {
            throw MagentoFault.of(400, "Customer Group already exists.");
        }
        int groupId = self != null ? self : ++lastId;
        group.put("id", groupId);
        group.put("code", cut);
        group.put("tax_class_id", (int) taxClassId);
        group.put("tax_class_name", taxClasses.get(taxClassId).orElseThrow().name());
        groups.put(groupId, group);
        return group.deepCopy();
    }

    synchronized Optional<ObjectNode> get(int id) {
        return Optional.ofNullable(groups.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all() {
        return groups.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * GroupRepository::_verifyTaxClassModel: a class that does not exist or is not a customer class is an invalid
     * {@code taxClassId}; the parameter is the value as the request gave it (AF testCreateGroupInvalidTaxClassIdRest).
     */
    private long verifyTaxClass(Long taxClassId, Object asGiven) {
        boolean customerClass = taxClassId != null && taxClasses.get(taxClassId)
                .filter(taxClass -> taxClass.type() == TaxClasses.Type.CUSTOMER).isPresent();
        if (!customerClass) {
            throw MagentoFault.invalidFieldValue("taxClassId", asGiven);
        }
        return taxClassId;
    }

    private static Object taxClassAsGiven(JsonNode input) {
        return CustomerJson.number(input, "tax_class_id").map(value -> (Object) value.intValue())
                .orElseGet(() -> CustomerJson.text(input, "tax_class_id").orElse(null));
    }
}
