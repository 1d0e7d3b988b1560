package com.skylinksync.magento.customers;

import com.skylinksync.magento.directory.MagentoRegion;
import java.util.List;

/** A Magento customer address ({@code customer.addresses[]}). {@code id} is null for an address not yet saved. */
public record MagentoAddress(Long id, String firstname, String lastname, String company, List<String> street,
                             String city, MagentoRegion region, String postcode, String countryId, String telephone,
                             String fax, boolean defaultBilling, boolean defaultShipping) {
}
