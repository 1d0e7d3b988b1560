package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated store's customer EAV attributes: the system attributes of a fresh install with their labels
 * (M/Customer/Setup/CustomerSetup::getDefaultEntities) and the custom attributes created for SkyLink
 * ({@code skylink_customer_id}, by a data patch: the REST API cannot create customer attributes).
 */
final class CustomerAttributes {

    /** A required system attribute, checked by the EAV validator with its store label. */
    private record Required(String code, String label) {
    }

    // CustomerSetup's install order, which is the order the EAV validator reports them in.
    private static final List<Required> REQUIRED = List.of(
            new Required("website_id", "Associate to Website"),
            new Required("store_id", "Create In"),
            new Required("firstname", "First Name"),
            new Required("lastname", "Last Name"),
            new Required("email", "Email"),
            new Required("group_id", "Group"));

    /** M/Customer/Api/Data/CustomerInterface's scalar fields: what a save reads and a read returns. */
    static final Set<String> CUSTOMER_FIELDS = Set.of("id", "group_id", "default_billing", "default_shipping",
            "confirmation", "created_at", "updated_at", "created_in", "dob", "email", "firstname", "lastname",
            "middlename", "prefix", "suffix", "gender", "store_id", "taxvat", "website_id", "disable_auto_group_change");

    // Joined by M/Customer/Model/ResourceModel/CustomerRepository::getList so searches can filter on them.
    private static final Set<String> BILLING_FIELDS = Set.of("billing_postcode", "billing_city", "billing_telephone",
            "billing_region", "billing_country_id", "company");

    // Magento validates with laminas' EmailAddress validator; this keeps to the shape that matters in tests.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final Set<String> customCodes;

    CustomerAttributes(Set<String> customCodes) {
        this.customCodes = Set.copyOf(customCodes);
    }

    /**
     * M/Eav/Model/Validator/Attribute/Data over the model being saved: every required attribute the save does not
     * carry fails with {@code "<label>" is a required value.} (M/Eav/Model/Attribute/Data/Text::validateValue), the
     * email with {@code "Email" is not a valid email address.} (the attribute's {@code input_validation}).
     * FW/Validator/Exception then joins the messages, filled in, with newlines into one message without parameters.
     */
    void validate(ObjectNode model) {
        List<String> messages = new ArrayList<>();
        for (Required attribute : REQUIRED) {
            if (CustomerJson.text(model, attribute.code()).map(String::isEmpty).orElse(true)) {
                messages.add("\"" + attribute.label() + "\" is a required value.");
            } else if (attribute.code().equals("email") && !EMAIL.matcher(model.get("email").asString()).matches()) {
                messages.add("\"" + attribute.label() + "\" is not a valid email address.");
            }
        }
        if (!messages.isEmpty()) {
            throw MagentoFault.of(400, String.join("\n", messages));
        }
    }

    /**
     * The {@code custom_attributes} a save keeps: FW/Webapi/ServiceInputProcessor refuses an entry without a code or a
     * value; FW/Api/AbstractExtensibleObject::setCustomAttribute drops codes the entity does not define, silently.
     * Empty when {@code given} is absent.
     */
    List<ObjectNode> defined(JsonNode given) {
        List<ObjectNode> kept = new ArrayList<>();
        if (given == null || given.isNull()) {
            return kept;
        }
        for (JsonNode attribute : given) {
            String code = CustomerJson.text(attribute, "attribute_code").orElse("");
            if (code.isEmpty()) {
                throw MagentoFault.of(400, "A custom attribute is specified with a missing attribute code. Verify the code and try again.");
            }
            if (!attribute.has("value")) {
                throw MagentoFault.of(400, "The \"" + code + "\" attribute code doesn't have a value set. Enter the value and try again.");
            }
            if (customCodes.contains(code)) {
                kept.add(JsonNodeFactory.instance.objectNode().put("attribute_code", code).set("value", attribute.get("value").deepCopy()));
            }
        }
        return kept;
    }

    /**
     * A search field's value on a customer. A code that is neither a customer attribute nor one of the joined billing
     * fields is refused as M/Eav/Model/Entity/Collection/AbstractCollection::_addAttributeJoin does;
     * {@code id} and {@code entity_id} both read the customer's id.
     */
    Optional<String> valueOf(ObjectNode customer, String field) {
        requireKnown(field);
        if (field.equals("entity_id")) {
            return CustomerJson.text(customer, "id");
        }
        if (CUSTOMER_FIELDS.contains(field)) {
            return CustomerJson.text(customer, field);
        }
        if (customCodes.contains(field)) {
            for (JsonNode attribute : iterable(customer.get("custom_attributes"))) {
                if (CustomerJson.text(attribute, "attribute_code").filter(field::equals).isPresent()) {
                    return CustomerJson.text(attribute, "value");
                }
            }
            return Optional.empty();
        }
        return billing(customer, field);
    }

    /** Refuses a search field the customer collection cannot join. */
    void requireKnown(String field) {
        boolean known = field != null && (field.equals("entity_id") || CUSTOMER_FIELDS.contains(field)
                || customCodes.contains(field) || BILLING_FIELDS.contains(field));
        if (!known) {
            throw MagentoFault.positional(400, "Invalid attribute name: %1", field == null ? "" : field);
        }
    }

    private static Optional<String> billing(ObjectNode customer, String field) {
        String billingId = CustomerJson.text(customer, "default_billing").orElse(null);
        for (JsonNode address : iterable(customer.get("addresses"))) {
            if (CustomerJson.text(address, "id").filter(id -> id.equals(billingId)).isPresent()) {
                return switch (field) {
                    case "billing_region" -> CustomerJson.text(address.get("region"), "region");
                    case "company" -> CustomerJson.text(address, "company");
                    default -> CustomerJson.text(address, field.substring("billing_".length()));
                };
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(elements::add);
        }
        return elements;
    }

    static ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        nodes.forEach(array::add);
        return array;
    }
}
