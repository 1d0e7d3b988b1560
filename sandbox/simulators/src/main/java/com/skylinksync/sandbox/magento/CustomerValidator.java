package com.skylinksync.sandbox.magento;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Refuses what Magento refuses when a customer is saved, with Magento's messages: required customer attributes,
 * email format, required address fields and regions for countries whose region is required.
 * Duplicate emails depend on the other customers and are checked by {@link CustomerStore}.
 */
final class CustomerValidator {

    // Magento validates with laminas' EmailAddress validator; this keeps to the shape that matters in tests.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final List<String> REQUIRED_CUSTOMER_FIELDS = List.of("firstname", "lastname", "email");

    private final CountryDirectory directory;

    CustomerValidator(CountryDirectory directory) {
        this.directory = directory;
    }

    void validate(JsonNode customer) {
        if (customer == null || !customer.isObject()) {
            throw MagentoFault.requiredField("customer");
        }
        for (String field : REQUIRED_CUSTOMER_FIELDS) {
            if (CustomerJson.blank(customer, field)) {
                throw MagentoFault.requiredField(field);
            }
        }
        String email = CustomerJson.text(customer, "email").orElseThrow();
        if (!EMAIL.matcher(email).matches()) {
            throw MagentoFault.positional(400, "\"%1\" is not a valid email address.", List.of(email));
        }
        JsonNode addresses = customer.get("addresses");
        if (addresses != null && !addresses.isNull()) {
            if (!addresses.isArray()) {
                throw MagentoFault.invalidFieldValue("addresses", addresses.toString());
            }
            addresses.forEach(this::validateAddress);
        }
    }

    private void validateAddress(JsonNode address) {
        for (String field : List.of("firstname", "lastname")) {
            if (CustomerJson.blank(address, field)) {
                throw MagentoFault.requiredField(field);
            }
        }
        JsonNode street = address.get("street");
        JsonNode firstLine = street == null || !street.isArray() ? null : street.get(0);
        if (firstLine == null || !firstLine.isValueNode() || firstLine.asString().isBlank()) {
            throw MagentoFault.requiredField("street");
        }
        for (String field : List.of("city", "telephone", "postcode")) {
            if (CustomerJson.blank(address, field)) {
                throw MagentoFault.requiredField(field);
            }
        }
        String countryId = CustomerJson.text(address, "country_id").filter(id -> !id.isBlank())
                .orElseThrow(() -> MagentoFault.requiredField("countryId"));
        var country = directory.country(countryId)
                .orElseThrow(() -> MagentoFault.invalidFieldValue("countryId", countryId));
        long regionId = regionId(address);
        if (regionId > 0) {
            if (country.region((int) regionId).isEmpty()) {
                throw MagentoFault.invalidFieldValue("regionId", Long.toString(regionId));
            }
        } else if (country.regionRequired()) {
            throw MagentoFault.requiredField("regionId");
        }
    }

    /** Magento reads the region id from {@code region.region_id} or the address's own {@code region_id}. */
    static long regionId(JsonNode address) {
        return CustomerJson.number(address.get("region"), "region_id")
                .or(() -> CustomerJson.number(address, "region_id"))
                .orElse(0L);
    }
}
