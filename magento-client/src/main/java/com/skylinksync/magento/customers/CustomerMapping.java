package com.skylinksync.magento.customers;

import com.skylinksync.magento.directory.MagentoRegion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Between the public customer records and Magento's JSON ({@link CustomerWire}). */
final class CustomerMapping {

    private CustomerMapping() {
    }

    /**
     * Null collections and flags are left out, so Magento keeps what it has: no {@code addresses} keeps the stored
     * addresses, no {@code subscribed} leaves the newsletter subscription alone. {@code updated_at} is Magento's own.
     */
    static CustomerWire.Customer toWire(MagentoCustomer customer) {
        List<CustomerWire.Address> addresses = customer.addresses() == null ? null
                : customer.addresses().stream().map(CustomerMapping::toWire).toList();
        List<CustomerWire.CustomAttribute> customAttributes = customer.customAttributes() == null ? null
                : customer.customAttributes().entrySet().stream()
                        .map(entry -> new CustomerWire.CustomAttribute(entry.getKey(),
                                entry.getValue() == null ? JsonNodeFactory.instance.nullNode()
                                        : JsonNodeFactory.instance.stringNode(entry.getValue())))
                        .toList();
        CustomerWire.ExtensionAttributes extension = customer.subscribed() == null ? null
                : new CustomerWire.ExtensionAttributes(customer.subscribed());
        return new CustomerWire.Customer(customer.id(), customer.email(), customer.firstname(), customer.lastname(),
                customer.websiteId(), customer.groupId(), null, null, null, addresses, customAttributes, extension);
    }

    private static CustomerWire.Address toWire(MagentoAddress address) {
        MagentoRegion region = address.region();
        CustomerWire.Region wireRegion = region == null ? null
                : new CustomerWire.Region(region.regionCode(), region.region(), region.regionId());
        return new CustomerWire.Address(address.id(), address.firstname(), address.lastname(), address.company(),
                address.street(), address.city(), wireRegion, region == null ? null : region.regionId(),
                address.postcode(), address.countryId(), address.telephone(), address.fax(),
                address.defaultBilling(), address.defaultShipping());
    }

    static MagentoCustomer fromWire(CustomerWire.Customer customer) {
        List<MagentoAddress> addresses = customer.addresses() == null ? List.of()
                : customer.addresses().stream()
                        .map(address -> fromWire(address, customer.defaultBilling(), customer.defaultShipping()))
                        .toList();
        Map<String, String> customAttributes = new LinkedHashMap<>();
        if (customer.customAttributes() != null) {
            for (CustomerWire.CustomAttribute attribute : customer.customAttributes()) {
                String value = text(attribute.value());
                if (attribute.attributeCode() != null && value != null) {
                    customAttributes.put(attribute.attributeCode(), value);
                }
            }
        }
        Boolean subscribed = customer.extensionAttributes() == null ? null : customer.extensionAttributes().isSubscribed();
        return new MagentoCustomer(customer.id(), customer.email(), customer.firstname(), customer.lastname(),
                customer.websiteId(), customer.groupId(), addresses, Collections.unmodifiableMap(customAttributes),
                subscribed, customer.updatedAt());
    }

    /**
     * An address is a default when it says so or when the customer's {@code default_billing}/{@code default_shipping}
     * names its id: Magento fills one or the other depending on version and endpoint.
     */
    private static MagentoAddress fromWire(CustomerWire.Address address, String defaultBilling, String defaultShipping) {
        String id = address.id() == null ? null : address.id().toString();
        CustomerWire.Region region = address.region();
        MagentoRegion mapped;
        if (region != null) {
            mapped = new MagentoRegion(region.regionId() != null ? region.regionId() : address.regionId(),
                    region.regionCode(), region.region());
        } else {
            mapped = address.regionId() == null ? null : new MagentoRegion(address.regionId(), null, null);
        }
        List<String> street = address.street() == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(address.street()));
        return new MagentoAddress(address.id(), address.firstname(), address.lastname(), address.company(), street,
                address.city(), mapped, address.postcode(), address.countryId(), address.telephone(), address.fax(),
                Boolean.TRUE.equals(address.defaultBilling()) || (id != null && id.equals(defaultBilling)),
                Boolean.TRUE.equals(address.defaultShipping()) || (id != null && id.equals(defaultShipping)));
    }

    /** Multiselect values arrive as arrays; they read as Magento stores them, comma-separated. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(part -> parts.add(text(part)));
            return parts.stream().filter(Objects::nonNull).collect(Collectors.joining(","));
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
