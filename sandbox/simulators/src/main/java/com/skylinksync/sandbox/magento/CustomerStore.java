package com.skylinksync.sandbox.magento;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated store's customers, kept as the JSON Magento returns for them, saved the way
 * M/Customer/Model/AccountManagement::createAccountWithPasswordHash (POST) and
 * M/Customer/Model/ResourceModel/CustomerRepository::save (PUT) do. Every method is synchronized: saves check the
 * email against other customers and assign ids, which must not interleave. Callers get copies.
 */
final class CustomerStore {

    // Magento stores and returns timestamps in UTC in MySQL's DATETIME format.
    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int DEFAULT_WEBSITE = 1;
    private static final int DEFAULT_STORE = 1;
    private static final int DEFAULT_GROUP = 1;

    private final CustomerAttributes attributes;
    private final AddressValidator addressValidator;
    private final CustomerAddresses addresses;
    private final CustomerGroupStore groups;
    private final Clock clock;
    private final Map<Long, ObjectNode> customers = new LinkedHashMap<>();
    // ints, as Magento's int(10) columns: the JSON a client parses back then equals what customers() returns.
    private int lastCustomerId;
    private int lastAddressId;

    CustomerStore(CustomerAttributes attributes, AddressValidator addressValidator, CustomerAddresses addresses,
                  CustomerGroupStore groups, Clock clock) {
        this.attributes = attributes;
        this.addressValidator = addressValidator;
        this.addresses = addresses;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * POST /V1/customers. The customer is saved first, then its addresses one by one; an address Magento refuses
     * deletes the customer again (its id stays used). An address in a country the website does not allow is skipped
     * without a word (AccountManagement::isAddressAllowedForWebsite).
     */
    synchronized ObjectNode create(JsonNode input) {
        List<ObjectNode> customAttributes = attributes.defined(input.get("custom_attributes"));
        ObjectNode customer = known(input);
        customer.remove("id");
        validateGroupId(customer);
        // AccountManagement fills what a shop front leaves out: the store's website, the store, the default group.
        putDefault(customer, "website_id", DEFAULT_WEBSITE);
        putDefault(customer, "store_id", DEFAULT_STORE);
        putDefault(customer, "group_id", DEFAULT_GROUP);
        beforeSave(customer, null);
        int id = ++lastCustomerId;
        String now = MAGENTO_TIME.format(clock.instant());
        customer.put("id", id);
        customer.put("created_at", now);
        customer.put("updated_at", now);
        customer.put("created_in", "Default Store View");
        putDefault(customer, "disable_auto_group_change", 0);
        setCustomAttributes(customer, customAttributes);
        subscription(customer, input.get("extension_attributes"), false);
        customer.putArray("addresses");
        List<JsonNode> allowed = CustomerAddresses.iterable(input.get("addresses")).stream()
                .filter(address -> addressValidator.isCountryAllowed(address)).toList();
        for (JsonNode address : allowed) {
            List<MagentoFault> errors = addressValidator.errors(address);
            if (!errors.isEmpty()) {
                throw MagentoFault.inputErrors(errors);
            }
        }
        addresses.write(customer, allowed, true, () -> ++lastAddressId);
        customers.put((long) id, customer);
        return customer.deepCopy();
    }

    /**
     * PUT /V1/customers/{id}: the given attributes over the stored ones (an attribute the save does not carry is left
     * as it is, as the EAV save only writes what the model holds), but the required ones must be there: without
     * {@code website_id} the save fails with "Associate to Website" (AF CustomerRepositoryTest::testUpdateCustomerNoWebsiteId).
     * {@code group_id} and {@code store_id} default to the stored ones. Omitted custom attributes and subscription are
     * left alone. Addresses: absent keeps them; a list replaces them. The customer is saved before its addresses, so
     * an address Magento refuses leaves the customer and the addresses before it saved.
     */
    synchronized ObjectNode replace(long id, JsonNode input) {
        ObjectNode stored = customers.get(id);
        if (stored == null) {
            throw MagentoFault.noSuchEntity("customerId", id);
        }
        List<ObjectNode> customAttributes = attributes.defined(input.get("custom_attributes"));
        ObjectNode model = known(input);
        model.put("id", (int) id);
        validateGroupId(model);
        // CustomerRepository::save keeps the stored store and group when the save has none; not the website.
        putDefault(model, "store_id", stored.get("store_id").asInt());
        putDefault(model, "group_id", stored.get("group_id").asInt());
        beforeSave(model, id);
        ObjectNode customer = stored.deepCopy();
        model.properties().forEach(field -> customer.set(field.getKey(), field.getValue()));
        customer.put("updated_at", MAGENTO_TIME.format(clock.instant()));
        customer.put("created_at", stored.get("created_at").asString());
        customer.put("created_in", stored.get("created_in").asString());
        if (input.hasNonNull("custom_attributes")) {
            mergeCustomAttributes(customer, customAttributes);
        }
        subscription(customer, input.get("extension_attributes"),
                CustomerJson.flag(stored.get("extension_attributes"), "is_subscribed"));
        if (!input.hasNonNull("addresses")) {
            // Without addresses the stored defaults win over any the save names (CustomerRepository::save).
            for (String field : List.of("default_billing", "default_shipping")) {
                customer.remove(field);
                CustomerJson.text(stored, field).ifPresent(value -> customer.put(field, value));
            }
        }
        customers.put(id, customer);
        if (input.hasNonNull("addresses")) {
            List<JsonNode> given = CustomerAddresses.iterable(input.get("addresses"));
            for (int i = 0; i < given.size(); i++) {
                List<MagentoFault> errors = addressValidator.errors(given.get(i));
                if (!errors.isEmpty()) {
                    addresses.write(customer, given.subList(0, i), false, () -> ++lastAddressId);
                    throw MagentoFault.inputErrors(errors);
                }
            }
            addresses.write(customer, given, true, () -> ++lastAddressId);
        }
        return customer.deepCopy();
    }

    synchronized Optional<ObjectNode> get(long id) {
        return Optional.ofNullable(customers.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all() {
        return customers.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** M/Customer/Model/ResourceModel/Customer::_beforeSave: the email first, then duplicates, then the attributes. */
    private void beforeSave(ObjectNode model, Long self) {
        if (CustomerJson.text(model, "email").map(String::isEmpty).orElse(true)) {
            throw MagentoFault.of(400, "The customer email is missing. Enter and try again.");
        }
        refuseDuplicateEmail(model, self);
        attributes.validate(model);
    }

    /** CustomerRepository::validateGroupId: a LocalizedException, so 400 and no parameters (AF testCreateCustomerWithInvalidGroupId). */
    private void validateGroupId(ObjectNode customer) {
        Optional<Long> groupId = CustomerJson.number(customer, "group_id").filter(group -> group != 0);
        if (groupId.isPresent() && groups.get(groupId.get().intValue()).isEmpty()) {
            throw MagentoFault.of(400, "The specified customer group id does not exist.");
        }
    }

    /**
     * Customer::_beforeSave looks for the email in the website when accounts are shared per website (a stock store's
     * setting), ignoring case as the column's collation does; Magento answers a clash with this message.
     */
    private void refuseDuplicateEmail(JsonNode customer, Long self) {
        String email = customer.get("email").asString().toLowerCase(Locale.ROOT);
        long website = CustomerJson.number(customer, "website_id").orElse(0L);
        boolean taken = customers.values().stream()
                .filter(other -> self == null || other.get("id").asLong() != self)
                .anyMatch(other -> other.get("email").asString().toLowerCase(Locale.ROOT).equals(email)
                        && other.get("website_id").asLong() == website);
        if (taken) {
            throw MagentoFault.of(400, "A customer with the same email address already exists in an associated website.");
        }
    }

    private static ObjectNode known(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw MagentoFault.requiredField("customer");
        }
        ObjectNode customer = ((ObjectNode) input).deepCopy();
        customer.propertyNames().stream().filter(name -> !CustomerAttributes.CUSTOMER_FIELDS.contains(name)).toList()
                .forEach(customer::remove);
        return customer;
    }

    private static void setCustomAttributes(ObjectNode customer, List<ObjectNode> customAttributes) {
        if (customAttributes.isEmpty()) {
            customer.remove("custom_attributes");
        } else {
            customer.set("custom_attributes", CustomerAttributes.array(customAttributes));
        }
    }

    /** Given codes replace their stored values (a null value clears one); codes not given keep theirs. */
    private static void mergeCustomAttributes(ObjectNode customer, List<ObjectNode> given) {
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        CustomerAddresses.iterable(customer.get("custom_attributes"))
                .forEach(attribute -> merged.put(attribute.get("attribute_code").asString(), (ObjectNode) attribute));
        given.forEach(attribute -> merged.put(attribute.get("attribute_code").asString(), attribute));
        merged.values().removeIf(attribute -> attribute.get("value").isNull());
        setCustomAttributes(customer, new ArrayList<>(merged.values()));
    }

    private static void putDefault(ObjectNode customer, String field, int value) {
        if (CustomerJson.number(customer, field).isEmpty()) {
            customer.put(field, value);
        }
    }

    /** The subscription lives in the newsletter tables; a save that does not mention it leaves it alone. */
    private static void subscription(ObjectNode customer, JsonNode given, boolean unlessGiven) {
        boolean subscribed = given != null && given.hasNonNull("is_subscribed")
                ? CustomerJson.flag(given, "is_subscribed") : unlessGiven;
        customer.putObject("extension_attributes").put("is_subscribed", subscribed);
    }
}
