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
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated store's customers, kept as the JSON Magento would return for them. Every method is synchronized:
 * saves check the email against other customers and assign ids, which must not interleave. Callers get copies.
 */
final class CustomerStore {

    // Magento stores and returns timestamps in UTC in MySQL's DATETIME format.
    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int DEFAULT_WEBSITE = 1;

    private final CustomerValidator validator;
    private final CountryDirectory directory;
    private final Clock clock;
    private final Map<Long, ObjectNode> customers = new LinkedHashMap<>();
    // ints, as Magento's int(10) columns: the JSON a client parses back then equals what customers() returns.
    private int lastCustomerId;
    private int lastAddressId;

    CustomerStore(CustomerValidator validator, CountryDirectory directory, Clock clock) {
        this.validator = validator;
        this.directory = directory;
        this.clock = clock;
    }

    synchronized ObjectNode create(JsonNode input) {
        validator.validate(input);
        ObjectNode customer = ((ObjectNode) input).deepCopy();
        refuseDuplicateEmail(customer, null);
        int id = ++lastCustomerId;
        String now = MAGENTO_TIME.format(clock.instant());
        customer.put("id", id);
        customer.put("created_at", now);
        customer.put("updated_at", now);
        customer.put("created_in", "Default Store View");
        putDefault(customer, "group_id", 1);
        putDefault(customer, "store_id", 1);
        putDefault(customer, "website_id", DEFAULT_WEBSITE);
        putDefault(customer, "disable_auto_group_change", 0);
        subscription(customer, false);
        normalizeAddresses(customer, null);
        customers.put((long) id, customer);
        return customer.deepCopy();
    }

    /**
     * Magento's PUT replaces the customer's attributes with those given. Addresses: a missing {@code addresses} key
     * keeps the stored ones; a given list becomes the customer's addresses (known ids kept, others created).
     */
    synchronized ObjectNode replace(long id, JsonNode input) {
        ObjectNode stored = customers.get(id);
        if (stored == null) {
            throw MagentoFault.noSuchEntity("customerId", Long.toString(id));
        }
        validator.validate(input);
        ObjectNode customer = ((ObjectNode) input).deepCopy();
        refuseDuplicateEmail(customer, id);
        customer.put("id", (int) id);
        customer.put("created_at", stored.get("created_at").asString());
        customer.put("updated_at", MAGENTO_TIME.format(clock.instant()));
        customer.put("created_in", stored.get("created_in").asString());
        putDefault(customer, "group_id", stored.get("group_id").asInt());
        putDefault(customer, "store_id", stored.get("store_id").asInt());
        putDefault(customer, "website_id", stored.get("website_id").asInt());
        putDefault(customer, "disable_auto_group_change", 0);
        // The subscription lives in another table; a save that does not mention it leaves it alone.
        subscription(customer, CustomerJson.flag(stored.get("extension_attributes"), "is_subscribed"));
        if (!customer.hasNonNull("addresses")) {
            customer.set("addresses", stored.get("addresses").deepCopy());
            CustomerJson.text(stored, "default_billing").ifPresent(value -> customer.put("default_billing", value));
            CustomerJson.text(stored, "default_shipping").ifPresent(value -> customer.put("default_shipping", value));
        } else {
            normalizeAddresses(customer, stored);
        }
        customers.put(id, customer);
        return customer.deepCopy();
    }

    synchronized Optional<ObjectNode> get(long id) {
        return Optional.ofNullable(customers.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all() {
        return customers.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> search(SearchCriteria criteria) {
        return customers.values().stream().filter(criteria::matches).map(ObjectNode::deepCopy).toList();
    }

    private void refuseDuplicateEmail(JsonNode customer, Long self) {
        String email = CustomerJson.text(customer, "email").orElseThrow().toLowerCase(Locale.ROOT);
        long website = CustomerJson.number(customer, "website_id")
                .orElseGet(() -> self == null ? DEFAULT_WEBSITE : customers.get(self).get("website_id").asLong());
        boolean taken = customers.values().stream()
                .filter(other -> self == null || other.get("id").asLong() != self)
                .anyMatch(other -> other.get("email").asString().toLowerCase(Locale.ROOT).equals(email)
                        && other.get("website_id").asLong() == website);
        if (taken) {
            throw MagentoFault.of(400, "A customer with the same email address already exists in an associated website.");
        }
    }

    /**
     * Gives addresses ids and the customer's {@code default_billing}/{@code default_shipping} from the addresses'
     * flags, as Magento does; fills the region's code and name from the directory when it has an id.
     */
    private void normalizeAddresses(ObjectNode customer, ObjectNode stored) {
        Set<Long> storedAddressIds = stored == null ? Set.of() : ids(stored.get("addresses"));
        JsonNode given = customer.get("addresses");
        ArrayNode addresses = customer.putArray("addresses");
        String defaultBilling = null;
        String defaultShipping = null;
        int customerId = customer.get("id").asInt();
        for (JsonNode input : given == null || given.isNull() ? List.<JsonNode>of() : iterable(given)) {
            ObjectNode address = ((ObjectNode) input).deepCopy();
            int addressId = CustomerJson.number(address, "id").filter(storedAddressIds::contains)
                    .map(Long::intValue).orElseGet(() -> ++lastAddressId);
            address.put("id", addressId);
            address.put("customer_id", customerId);
            normalizeRegion(address);
            if (CustomerJson.flag(address, "default_billing")) {
                defaultBilling = Integer.toString(addressId);
            }
            if (CustomerJson.flag(address, "default_shipping")) {
                defaultShipping = Integer.toString(addressId);
            }
            addresses.add(address);
        }
        Set<Long> keptIds = ids(addresses);
        // Without flags, a customer-level default that still names one of its addresses stands.
        defaultBilling = defaultBilling != null ? defaultBilling : keptDefault(customer, "default_billing", keptIds);
        defaultShipping = defaultShipping != null ? defaultShipping : keptDefault(customer, "default_shipping", keptIds);
        for (JsonNode node : addresses) {
            ObjectNode address = (ObjectNode) node;
            String id = address.get("id").asString();
            setFlag(address, "default_billing", id.equals(defaultBilling));
            setFlag(address, "default_shipping", id.equals(defaultShipping));
        }
        setOrRemove(customer, "default_billing", defaultBilling);
        setOrRemove(customer, "default_shipping", defaultShipping);
    }

    private void normalizeRegion(ObjectNode address) {
        long regionId = CustomerValidator.regionId(address);
        JsonNode given = address.get("region");
        ObjectNode region = address.putObject("region");
        var known = directory.country(CustomerJson.text(address, "country_id").orElse(null))
                .flatMap(country -> country.region((int) regionId));
        if (known.isPresent()) {
            region.put("region_code", known.get().code());
            region.put("region", known.get().name());
            region.put("region_id", known.get().id());
        } else {
            // A country without regions keeps free text, with id 0.
            region.put("region_code", CustomerJson.text(given, "region_code").orElse(null));
            region.put("region", CustomerJson.text(given, "region").orElse(null));
            region.put("region_id", 0);
        }
        address.put("region_id", region.get("region_id").asInt());
    }

    private static String keptDefault(JsonNode customer, String field, Set<Long> keptIds) {
        return CustomerJson.number(customer, field).filter(keptIds::contains).map(String::valueOf).orElse(null);
    }

    private static void setFlag(ObjectNode address, String field, boolean value) {
        // Magento only writes the flag on the address that is the default.
        if (value) {
            address.put(field, true);
        } else {
            address.remove(field);
        }
    }

    private static void setOrRemove(ObjectNode customer, String field, String value) {
        if (value == null) {
            customer.remove(field);
        } else {
            customer.put(field, value);
        }
    }

    private static void putDefault(ObjectNode customer, String field, int value) {
        if (CustomerJson.number(customer, field).isEmpty()) {
            customer.put(field, value);
        }
    }

    private static void subscription(ObjectNode customer, boolean unlessGiven) {
        ObjectNode extension = copyOrEmpty(customer.get("extension_attributes"));
        extension.put("is_subscribed", extension.hasNonNull("is_subscribed")
                ? CustomerJson.flag(extension, "is_subscribed") : unlessGiven);
        customer.set("extension_attributes", extension);
    }

    private static ObjectNode copyOrEmpty(JsonNode node) {
        return node != null && node.isObject() ? ((ObjectNode) node).deepCopy()
                : JsonNodeFactory.instance.objectNode();
    }

    private static Set<Long> ids(JsonNode addresses) {
        if (addresses == null || !addresses.isArray()) {
            return Set.of();
        }
        return iterable(addresses).stream().map(address -> CustomerJson.number(address, "id"))
                .flatMap(Optional::stream).collect(Collectors.toSet());
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
