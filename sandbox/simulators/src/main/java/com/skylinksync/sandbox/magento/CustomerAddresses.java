package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer's addresses as CustomerRepository::save writes them, one {@code AddressRepository::save} after another:
 * a known id updates that address, any other gets a new id; each saved address moves the customer's default billing
 * or shipping to itself when flagged, and off itself when not (M/Customer/Model/ResourceModel/Address/Relation).
 * Addresses the list does not mention are deleted once every address is saved.
 */
final class CustomerAddresses {

    // M/Customer/Api/Data/AddressInterface's fields.
    private static final Set<String> ADDRESS_FIELDS = Set.of("id", "customer_id", "region", "region_id", "country_id",
            "street", "company", "telephone", "fax", "postcode", "city", "firstname", "lastname", "middlename", "prefix",
            "suffix", "vat_id", "default_billing", "default_shipping", "extension_attributes", "custom_attributes");

    private final CountryDirectory directory;

    CustomerAddresses(CountryDirectory directory) {
        this.directory = directory;
    }

    /**
     * Writes {@code saved} (addresses already validated, in the order sent) onto {@code customer}, whose
     * {@code addresses} hold what was stored before. {@code complete} says whether the whole list was saved, so that
     * the addresses it does not mention go.
     */
    void write(ObjectNode customer, List<JsonNode> saved, boolean complete, IntSupplier nextId) {
        Map<Long, ObjectNode> byId = new LinkedHashMap<>();
        for (JsonNode stored : iterable(customer.get("addresses"))) {
            byId.put(stored.get("id").asLong(), ((ObjectNode) stored).deepCopy());
        }
        String defaultBilling = CustomerJson.text(customer, "default_billing").orElse(null);
        String defaultShipping = CustomerJson.text(customer, "default_shipping").orElse(null);
        Map<Long, ObjectNode> written = new LinkedHashMap<>();
        int customerId = customer.get("id").asInt();
        for (JsonNode input : saved) {
            ObjectNode address = known(input);
            long addressId = CustomerJson.number(address, "id").filter(byId::containsKey).orElseGet(() -> (long) nextId.getAsInt());
            address.put("id", (int) addressId);
            address.put("customer_id", customerId);
            normalizeRegion(address);
            String id = Long.toString(addressId);
            boolean billing = CustomerJson.flag(address, "default_billing");
            boolean shipping = CustomerJson.flag(address, "default_shipping");
            defaultBilling = billing ? id : id.equals(defaultBilling) ? null : defaultBilling;
            defaultShipping = shipping ? id : id.equals(defaultShipping) ? null : defaultShipping;
            byId.put(addressId, address);
            written.put(addressId, address);
        }
        Map<Long, ObjectNode> kept = complete ? written : byId;
        if (!kept.containsKey(parse(defaultBilling))) {
            defaultBilling = null;
        }
        if (!kept.containsKey(parse(defaultShipping))) {
            defaultShipping = null;
        }
        ArrayNode addresses = customer.putArray("addresses");
        for (ObjectNode address : kept.values()) {
            String id = address.get("id").asString();
            setFlag(address, "default_billing", id.equals(defaultBilling));
            setFlag(address, "default_shipping", id.equals(defaultShipping));
            addresses.add(address);
        }
        setOrRemove(customer, "default_billing", defaultBilling);
        setOrRemove(customer, "default_shipping", defaultShipping);
    }

    private static ObjectNode known(JsonNode input) {
        ObjectNode address = ((ObjectNode) input).deepCopy();
        address.propertyNames().stream().filter(name -> !ADDRESS_FIELDS.contains(name)).toList().forEach(address::remove);
        return address;
    }

    /** The region as Magento returns it: code and name from the directory for a known id, else the free text with id 0. */
    private void normalizeRegion(ObjectNode address) {
        long regionId = AddressValidator.regionId(address, directory);
        JsonNode given = address.get("region");
        ObjectNode region = address.putObject("region");
        var known = directory.country(CustomerJson.text(address, "country_id").orElse(null))
                .flatMap(country -> country.region((int) regionId));
        if (known.isPresent()) {
            region.put("region_code", known.get().code());
            region.put("region", known.get().name());
            region.put("region_id", known.get().id());
        } else {
            region.put("region_code", CustomerJson.text(given, "region_code").orElse(null));
            region.put("region", CustomerJson.text(given, "region").orElse(null));
            region.put("region_id", 0);
        }
        address.put("region_id", region.get("region_id").asInt());
    }

    private static Long parse(String id) {
        return id == null ? null : Long.valueOf(id);
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

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(elements::add);
        }
        return elements;
    }
}
