package com.skylinksync.customerlink;

import com.skylinksync.connector.ContentHash;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.CustomerUpdate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What of a Magento customer Retail Express holds (reference 3.2, the build): the billing contact from the default
 * billing address plus the customer's email, the delivery contact from the default shipping address, the newsletter
 * flag. Its hash is what "changed" means for the push, in both directions: a Magento save that changes nothing here
 * (the write-back of the RE id, a password change) pushes nothing.
 *
 * <p>Two choices keep a round trip RE → Magento → RE (and back) free of echo writes, given how the inbound mapper
 * works: the billing names are the customer's own (RE's billing names become the Magento customer's names), and a
 * default shipping address that is the billing address itself is sent as "no delivery address" (which the inbound
 * mapper turns back into one shared address, not two).
 */
record RetailExpressContent(String email, Contact billing, Contact shipping, boolean receivesNews) {

    static RetailExpressContent of(MagentoCustomer customer) {
        List<MagentoAddress> addresses = customer.addresses() == null ? List.of() : customer.addresses();
        Optional<MagentoAddress> billingAddress = addresses.stream().filter(MagentoAddress::defaultBilling).findFirst();
        Optional<MagentoAddress> shippingAddress = addresses.stream().filter(MagentoAddress::defaultShipping)
                .filter(a -> !a.defaultBilling()).findFirst();
        Contact billing = billingAddress
                .map(a -> new Contact(text(customer.firstname()), text(customer.lastname()), text(a.company()),
                        address(a), text(a.telephone()), text(a.fax())))
                .orElseGet(() -> new Contact(text(customer.firstname()), text(customer.lastname()), "", Address.EMPTY,
                        "", ""));
        // Fax is a billing field only in RE's customer document (Bill*), as in the original.
        Contact shipping = shippingAddress
                .map(a -> new Contact(text(a.firstname()), text(a.lastname()), text(a.company()), address(a),
                        text(a.telephone()), ""))
                .orElse(Contact.EMPTY);
        return new RetailExpressContent(text(customer.email()), billing, shipping,
                Boolean.TRUE.equals(customer.subscribed()));
    }

    /** Equal for equal content, whatever Magento's ids and timestamps say. */
    String hash() {
        return ContentHash.of("re-customer-v1", email, billing, shipping, receivesNews);
    }

    /** An update of the linked RE customer ({@code reCustomerId}), or a registration with {@code password}. */
    CustomerUpdate toUpdate(Integer reCustomerId, String password) {
        return new CustomerUpdate(reCustomerId, reCustomerId == null ? password : null, email, billing, shipping,
                receivesNews);
    }

    /** Street lines 1–2 (RE has two), the region's code as RE's state (free text when Magento has no code). */
    private static Address address(MagentoAddress a) {
        List<String> street = a.street() == null ? List.of() : a.street();
        String state = a.region() == null ? ""
                : text(Objects.requireNonNullElse(blankToNull(a.region().regionCode()), text(a.region().region())));
        String country = blankToNull(a.countryId());
        return new Address(line(street, 0), line(street, 1), text(a.city()), state, text(a.postcode()).strip(), country);
    }

    private static String line(List<String> street, int index) {
        return street.size() > index ? text(street.get(index)) : "";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
