package com.skylinksync.customers.inbound;

import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.connector.PermanentSyncException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What Magento requires of a customer and of the addresses Retail Express maps (its default billing and shipping):
 * either filled with placeholders ({@code skylink.customers.fill-missing-required}) or refused as a permanent error
 * naming the field, before Magento refuses the save with a less helpful message. Other addresses are left alone.
 */
@Component
class RequiredFields {

    static final String PLACEHOLDER = "N/A";
    static final String PLACEHOLDER_PHONE = "0000000000";

    private final CustomerSyncProperties properties;

    RequiredFields(CustomerSyncProperties properties) {
        this.properties = properties;
    }

    MagentoCustomer complete(int reCustomerId, MagentoCustomer customer) {
        String firstname = required(reCustomerId, "firstname", customer.firstname(), PLACEHOLDER);
        String lastname = required(reCustomerId, "lastname", customer.lastname(), PLACEHOLDER);
        List<MagentoAddress> addresses = new ArrayList<>();
        for (MagentoAddress a : customer.addresses()) {
            if (!a.defaultBilling() && !a.defaultShipping()) {
                addresses.add(a);
                continue;
            }
            boolean noStreet = a.street() == null || a.street().stream().allMatch(String::isBlank);
            if (noStreet) {
                required(reCustomerId, "street", "", PLACEHOLDER);
            }
            addresses.add(new MagentoAddress(a.id(),
                    required(reCustomerId, "address firstname", a.firstname(), firstname),
                    required(reCustomerId, "address lastname", a.lastname(), lastname),
                    a.company(), noStreet ? List.of(PLACEHOLDER) : a.street(),
                    required(reCustomerId, "city", a.city(), PLACEHOLDER), a.region(),
                    required(reCustomerId, "postcode", a.postcode(), PLACEHOLDER),
                    required(reCustomerId, "country", a.countryId(), properties.placeholderCountry()),
                    required(reCustomerId, "telephone", a.telephone(), PLACEHOLDER_PHONE), a.fax(),
                    a.defaultBilling(), a.defaultShipping()));
        }
        return new MagentoCustomer(customer.id(), customer.email(), firstname, lastname, customer.websiteId(),
                customer.groupId(), List.copyOf(addresses), customer.customAttributes(), customer.subscribed(),
                customer.updatedAt());
    }

    private String required(int reCustomerId, String field, String value, String placeholder) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (!properties.fillMissingRequired()) {
            throw new PermanentSyncException("MISSING_REQUIRED_FIELD", "Retail Express customer " + reCustomerId
                    + " has no " + field + ", which Magento requires; complete it in Retail Express"
                    + " (or enable skylink.customers.fill-missing-required).");
        }
        return placeholder;
    }
}
