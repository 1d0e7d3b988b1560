package com.skylinksync.magento.customers;

import java.util.List;
import java.util.Map;

/**
 * A Magento customer as {@code /V1/customers} reads and writes it. {@code id} is null before creation.
 * {@code customAttributes} holds {@code custom_attributes} by code (e.g. {@code skylink_customer_id});
 * {@code subscribed} is {@code extension_attributes.is_subscribed}.
 */
public record MagentoCustomer(Long id, String email, String firstname, String lastname, Integer websiteId,
                              Integer groupId, List<MagentoAddress> addresses, Map<String, String> customAttributes,
                              Boolean subscribed, String updatedAt) {

    public String customAttribute(String code) {
        return customAttributes == null ? null : customAttributes.get(code);
    }
}
