package com.skylinksync.sandbox.magento;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Product (EAV) attributes, their options and the attribute sets that hold them, as
 * M/Catalog/Model/Product/Attribute/Repository, M/Eav/Model/Entity/Attribute/OptionManagement and
 * M/Eav/Model/AttributeManagement keep them. Seeded with a fresh install's system attributes and its two select
 * attributes {@code color} and {@code manufacturer} (global, no options), all in the "Default" set 4, group 7.
 */
final class CatalogAttributes {

    static final int DEFAULT_SET = 4;
    static final int DEFAULT_GROUP = 7;
    // M/Eav/Model/Entity/Attribute::ATTRIBUTE_CODE_MAX_LENGTH and its pattern (Validator\Code).
    private static final Pattern CODE = Pattern.compile("^[a-zA-Z][a-zA-Z_0-9]{0,59}$");
    private static final Set<String> INPUTS = Set.of("text", "textarea", "texteditor", "date", "datetime", "boolean",
            "multiselect", "select", "price", "media_image", "weight", "swatch_visual", "swatch_text");
    private static final Set<String> SCOPES = Set.of("global", "website", "store");

    private final Map<String, ObjectNode> attributes = new LinkedHashMap<>();
    private final Map<Integer, Set<String>> sets = new LinkedHashMap<>();
    private int lastAttributeId = 72;
    private int lastOptionId = 0;

    CatalogAttributes() {
        sets.put(DEFAULT_SET, new LinkedHashSet<>());
        system("name", "text", "store", "Product Name", true);
        system("sku", "text", "global", "SKU", true);
        system("price", "price", "website", "Price", true);
        system("special_price", "price", "website", "Special Price", false);
        system("special_from_date", "date", "website", "Special Price From Date", false);
        system("special_to_date", "date", "website", "Special Price To Date", false);
        system("weight", "weight", "global", "Weight", false);
        system("status", "boolean", "website", "Enable Product", false);
        system("visibility", "select", "store", "Visibility", false);
        system("url_key", "text", "store", "URL Key", false);
        system("description", "textarea", "store", "Description", false);
        system("tax_class_id", "select", "website", "Tax Class", false);
        system("color", "select", "global", "Color", false);
        system("manufacturer", "select", "global", "Manufacturer", false);
    }

    private void system(String code, String input, String scope, String label, boolean required) {
        ObjectNode attribute = node(code, input, scope, label);
        attribute.put("is_required", required).put("is_user_defined", code.equals("color") || code.equals("manufacturer"));
        attributes.put(code, attribute);
        sets.get(DEFAULT_SET).add(code);
    }

    private ObjectNode node(String code, String input, String scope, String label) {
        ObjectNode attribute = JsonNodeFactory.instance.objectNode();
        attribute.put("attribute_id", ++lastAttributeId).put("attribute_code", code).put("frontend_input", input)
                .put("entity_type_id", "4").put("is_required", false).put("is_unique", "0").put("scope", scope)
                .put("is_user_defined", true).put("default_frontend_label", label)
                .put("backend_type", backendType(input));
        attribute.putArray("frontend_labels");
        attribute.putArray("options");
        return attribute;
    }

    private static String backendType(String input) {
        return switch (input) {
            case "select", "boolean" -> "int";
            case "price", "weight" -> "decimal";
            case "date", "datetime" -> "datetime";
            case "textarea", "texteditor", "multiselect" -> "text";
            default -> "varchar";
        };
    }

    synchronized Optional<ObjectNode> get(String code) {
        return Optional.ofNullable(attributes.get(code)).map(CatalogAttributes::withEmptyOption);
    }

    /** Whether a code is an attribute of the catalog (a search field or custom attribute Magento knows). */
    synchronized boolean exists(String code) {
        return attributes.containsKey(code);
    }

    synchronized String input(String code) {
        return attributes.get(code).get("frontend_input").asString();
    }

    synchronized String scope(String code) {
        return attributes.get(code).get("scope").asString();
    }

    synchronized String label(String code) {
        return attributes.get(code).get("default_frontend_label").asString();
    }

    synchronized boolean usesOptions(String code) {
        String input = input(code);
        return input.equals("select") || input.equals("multiselect") || input.startsWith("swatch");
    }

    /** Whether {@code value} is an option id of the select attribute {@code code}. */
    synchronized boolean hasOption(String code, String value) {
        for (JsonNode option : attributes.get(code).get("options")) {
            if (option.get("value").asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The option's label, for configurable children's value labels. */
    synchronized Optional<String> optionLabel(String code, String value) {
        for (JsonNode option : attributes.get(code).get("options")) {
            if (option.get("value").asString().equals(value)) {
                return Optional.of(option.get("label").asString());
            }
        }
        return Optional.empty();
    }

    synchronized Optional<String> codeOf(int attributeId) {
        return attributes.values().stream().filter(a -> a.get("attribute_id").asInt() == attributeId)
                .map(a -> a.get("attribute_code").asString()).findFirst();
    }

    synchronized int idOf(String code) {
        return attributes.get(code).get("attribute_id").asInt();
    }

    /** Product/Attribute/Repository::save for a new attribute (an existing code updates its label and scope). */
    synchronized ObjectNode save(JsonNode input) {
        String code = CustomerJson.text(input, "attribute_code").orElse("");
        String label = CustomerJson.text(input, "default_frontend_label")
                .or(() -> Optional.ofNullable(input.get("frontend_labels")).filter(JsonNode::isArray)
                        .filter(labels -> !labels.isEmpty()).map(labels -> labels.get(0).path("label").asString()))
                .orElse("");
        ObjectNode existing = attributes.get(code);
        if (existing != null) {
            if (!label.isBlank()) {
                existing.put("default_frontend_label", label);
            }
            CustomerJson.text(input, "scope").filter(SCOPES::contains).ifPresent(scope -> existing.put("scope", scope));
            return withEmptyOption(existing);
        }
        if (label.isBlank()) {
            throw MagentoFault.requiredField("frontend_label");
        }
        if (!CODE.matcher(code).matches()) {
            // M/Eav/Model/Validator/Attribute/Code
            throw MagentoFault.positional(400, "Attribute code \"%1\" is invalid. Please use only letters (a-z or A-Z), "
                    + "numbers (0-9) or underscore (_) in this field, and the first character should be a letter.", code);
        }
        String frontendInput = CustomerJson.text(input, "frontend_input").orElse("");
        if (!INPUTS.contains(frontendInput)) {
            throw MagentoFault.invalidFieldValue("frontend_input", frontendInput);
        }
        String scope = CustomerJson.text(input, "scope").orElse("store");
        ObjectNode attribute = node(code, frontendInput, SCOPES.contains(scope) ? scope : "store", label);
        attributes.put(code, attribute);
        return withEmptyOption(attribute);
    }

    /**
     * AttributeRepository::deleteById: the attribute leaves every set; a system attribute (not user defined) cannot be
     * deleted (M/Eav/Model/ResourceModel/Entity/Attribute::_beforeDelete).
     */
    synchronized void delete(String code) {
        ObjectNode attribute = requireAttribute(code);
        if (!attribute.path("is_user_defined").asBoolean()) {
            throw MagentoFault.of(400, "The system attribute can't be deleted.");
        }
        attributes.remove(code);
        sets.values().forEach(set -> set.remove(code));
    }

    /** OptionManagement::add; returns the new option's id. */
    synchronized String addOption(String code, JsonNode option) {
        ObjectNode attribute = requireAttribute(code);
        if (!usesOptions(code)) {
            throw MagentoFault.positional(400, "The \"%1\" attribute doesn't work with options.", code);
        }
        String label = CustomerJson.text(option, "label").orElse("").trim();
        if (label.isEmpty()) {
            throw MagentoFault.of(400, "The attribute option label is empty. Enter the value and try again.");
        }
        for (JsonNode existing : attribute.get("options")) {
            if (existing.get("label").asString().toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) {
                throw MagentoFault.positional(400, "Admin store attribute option label \"%1\" already exists.", label);
            }
        }
        String id = String.valueOf(++lastOptionId + 4);
        ((ArrayNode) attribute.get("options")).addObject().put("label", label).put("value", id);
        return id;
    }

    /** OptionManagement::update (2.4.7): relabels an option. */
    synchronized void updateOption(String code, String optionId, JsonNode option) {
        ObjectNode attribute = requireAttribute(code);
        String label = CustomerJson.text(option, "label").orElse("").trim();
        if (label.isEmpty()) {
            throw MagentoFault.of(400, "The attribute option label is empty. Enter the value and try again.");
        }
        for (JsonNode existing : attribute.get("options")) {
            if (existing.get("value").asString().equals(optionId)) {
                ((ObjectNode) existing).put("label", label);
                return;
            }
        }
        throw MagentoFault.positional(404, "The '%1' attribute doesn't include an option id '%2'.", code, optionId);
    }

    synchronized ArrayNode options(String code) {
        return (ArrayNode) withEmptyOption(requireAttribute(code)).get("options");
    }

    /** AttributeManagement::assign; returns the attribute's id. */
    synchronized int assign(int setId, int groupId, String code) {
        Set<String> set = sets.get(setId);
        if (set == null) {
            throw MagentoFault.noSuchEntity("id", setId);
        }
        if (groupId != DEFAULT_GROUP) {
            throw MagentoFault.of(400, "The attribute group doesn't belong to the attribute set.");
        }
        requireAttribute(code);
        set.add(code);
        return idOf(code);
    }

    synchronized boolean isSet(int setId) {
        return sets.containsKey(setId);
    }

    synchronized List<ObjectNode> inSet(int setId) {
        Set<String> set = sets.get(setId);
        if (set == null) {
            throw MagentoFault.noSuchEntity("id", setId);
        }
        return set.stream().map(code -> withEmptyOption(attributes.get(code))).toList();
    }

    synchronized List<ObjectNode> all() {
        return attributes.values().stream().map(CatalogAttributes::withEmptyOption).toList();
    }

    private ObjectNode requireAttribute(String code) {
        ObjectNode attribute = attributes.get(code);
        if (attribute == null) {
            // M/Eav/Model/AttributeRepository::get
            throw MagentoFault.positional(404,
                    "The attribute with a \"%1\" attributeCode doesn't exist. Verify the attribute and try again.", code);
        }
        return attribute;
    }

    /** Select attributes list Magento's empty first option ({@code " "}, value {@code ""}) before their own. */
    private static ObjectNode withEmptyOption(ObjectNode attribute) {
        ObjectNode copy = attribute.deepCopy();
        String input = copy.get("frontend_input").asString();
        if (input.equals("select") || input.equals("multiselect") || input.startsWith("swatch")) {
            ArrayNode options = JsonNodeFactory.instance.arrayNode();
            options.addObject().put("label", " ").put("value", "");
            copy.get("options").forEach(options::add);
            copy.set("options", options);
        }
        return copy;
    }
}
