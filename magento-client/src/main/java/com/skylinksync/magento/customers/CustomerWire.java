package com.skylinksync.magento.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The customer and customer group JSON Magento 2's web API reads and writes, field for field in its snake_case. Kept
 * apart from the public records so that those stay plain domain values and the wire format can follow Magento without
 * touching callers.
 * Nulls are left out when writing: for Magento an absent field means "leave it", a null one may mean "clear it".
 */
final class CustomerWire {

    private CustomerWire() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerEnvelope(Customer customer) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Customer(
            Long id,
            String email,
            String firstname,
            String lastname,
            @JsonProperty("website_id") Integer websiteId,
            @JsonProperty("group_id") Integer groupId,
            @JsonProperty("default_billing") String defaultBilling,
            @JsonProperty("default_shipping") String defaultShipping,
            @JsonProperty("updated_at") String updatedAt,
            List<Address> addresses,
            @JsonProperty("custom_attributes") List<CustomAttribute> customAttributes,
            @JsonProperty("extension_attributes") ExtensionAttributes extensionAttributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(
            Long id,
            String firstname,
            String lastname,
            String company,
            List<String> street,
            String city,
            Region region,
            @JsonProperty("region_id") Integer regionId,
            String postcode,
            @JsonProperty("country_id") String countryId,
            String telephone,
            String fax,
            @JsonProperty("default_billing") Boolean defaultBilling,
            @JsonProperty("default_shipping") Boolean defaultShipping) {
    }

    /** Written with nulls: Magento reads {@code region_code: null} as "no code", as it returns it. */
    record Region(
            @JsonProperty("region_code") String regionCode,
            String region,
            @JsonProperty("region_id") Integer regionId) {
    }

    /** {@code value} is a string for most attributes but an array for multiselects, hence a tree. */
    record CustomAttribute(@JsonProperty("attribute_code") String attributeCode, JsonNode value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExtensionAttributes(@JsonProperty("is_subscribed") Boolean isSubscribed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Group(Integer id, String code, @JsonProperty("tax_class_id") Integer taxClassId) {
    }

    record GroupEnvelope(Group group) {
    }

}
