package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What M/Customer/Model/ResourceModel/AddressRepository::save refuses, with every error of one address collected
 * (M/Customer/Model/Address/CompositeValidator): first Validator/General's, then Validator/Country's.
 */
final class AddressValidator {

    // Directory's general/country/optional_zip_countries default.
    private static final Set<String> OPTIONAL_ZIP = Set.of("HK", "IE", "MO", "PA", "GB");

    private final CountryDirectory directory;

    AddressValidator(CountryDirectory directory) {
        this.directory = directory;
    }

    /** Whether the store allows the address's country (AccountManagement::isAddressAllowedForWebsite). */
    boolean isCountryAllowed(JsonNode address) {
        return directory.country(CustomerJson.text(address, "country_id").orElse(null)).isPresent();
    }

    /** The address's errors, empty when it can be saved. */
    List<MagentoFault> errors(JsonNode address) {
        List<MagentoFault> errors = new ArrayList<>();
        // M/Customer/Model/Address/Validator/General::checkRequiredFields; NotEmpty counts whitespace as empty.
        require(errors, address, "firstname");
        require(errors, address, "lastname");
        JsonNode street = address.get("street");
        if (blank(street == null || !street.isArray() ? null : street.get(0))) {
            errors.add(MagentoFault.requiredField("street"));
        }
        require(errors, address, "city");
        // General::checkOptionalFields: telephone is a required address attribute in a stock store, fax and company not.
        require(errors, address, "telephone");
        String countryId = CustomerJson.text(address, "country_id").orElse("");
        if (!OPTIONAL_ZIP.contains(countryId)) {
            require(errors, address, "postcode");
        }
        errors.addAll(countryErrors(address, countryId));
        return errors;
    }

    /** M/Customer/Model/Address/Validator/Country: the country, and only when it is fine, the region. */
    private List<MagentoFault> countryErrors(JsonNode address, String countryId) {
        if (countryId.isBlank()) {
            return List.of(MagentoFault.requiredField("countryId"));
        }
        Optional<CountryDirectory.Country> country = directory.country(countryId);
        if (country.isEmpty()) {
            return List.of(MagentoFault.invalidFieldValue("countryId", countryId));
        }
        List<CountryDirectory.Region> regions = country.get().regions();
        long regionId = regionId(address, directory);
        if (country.get().regionRequired() && regions.isEmpty()
                && CustomerJson.text(address.get("region"), "region").map(String::isBlank).orElse(true)) {
            return List.of(MagentoFault.requiredField("region"));
        }
        if (!regions.isEmpty() && regionId == 0 && country.get().regionRequired()) {
            return List.of(MagentoFault.requiredField("regionId"));
        }
        if (!regions.isEmpty() && regionId != 0 && country.get().region((int) regionId).isEmpty()) {
            // The validator compares the id as a string, so the parameter is one.
            return List.of(MagentoFault.invalidFieldValue("regionId", Long.toString(regionId)));
        }
        return List.of();
    }

    /**
     * The region id Magento saves: {@code region.region_id}, else the address's {@code region_id}, else the region
     * looked up by code in the country (M/Customer/Model/Address/AbstractAddress::getRegionId, whose
     * {@code getRegionCode} falls back to the region text); 0 when there is none.
     */
    static long regionId(JsonNode address, CountryDirectory directory) {
        Optional<Long> given = CustomerJson.number(address.get("region"), "region_id").filter(id -> id != 0)
                .or(() -> CustomerJson.number(address, "region_id").filter(id -> id != 0));
        if (given.isPresent()) {
            return given.get();
        }
        JsonNode region = address.get("region");
        Optional<String> code = CustomerJson.text(region, "region_code").filter(text -> !text.isBlank())
                .or(() -> CustomerJson.text(region, "region").filter(text -> !text.isBlank()));
        return code.flatMap(c -> directory.country(CustomerJson.text(address, "country_id").orElse(null))
                        .flatMap(country -> country.regionByCode(c)))
                .map(found -> (long) found.id())
                .orElse(0L);
    }

    private static void require(List<MagentoFault> errors, JsonNode address, String field) {
        if (blank(address.get(field))) {
            errors.add(MagentoFault.requiredField(field));
        }
    }

    private static boolean blank(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank();
    }
}
