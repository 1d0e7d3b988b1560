package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An order's billing or shipping address (M/Sales/Api/Data/OrderAddressInterface). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MagentoOrderAddress(
        @JsonProperty("address_type") String addressType,
        String firstname,
        String lastname,
        String company,
        List<String> street,
        String city,
        String region,
        @JsonProperty("region_code") String regionCode,
        String postcode,
        @JsonProperty("country_id") String countryId,
        String telephone,
        String fax,
        String email) {

    public MagentoOrderAddress {
        street = street == null ? List.of() : List.copyOf(street);
    }

    /** Street line {@code index} (from 0), or empty. */
    public String line(int index) {
        return index < street.size() && street.get(index) != null ? street.get(index) : "";
    }
}
