package com.skylinksync.magento.customers;

/** A Magento customer group ({@code /V1/customerGroups}); {@code id} is null before creation. Codes are unique, at most 32 characters. */
public record MagentoCustomerGroup(Integer id, String code, int taxClassId) {
}
