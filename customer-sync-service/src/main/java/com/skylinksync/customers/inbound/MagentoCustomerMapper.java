package com.skylinksync.customers.inbound;

import com.skylinksync.customerlink.CustomerLink;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.Customer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Maps a Retail Express customer onto the Magento customer it is linked to (or a new one). Retail Express owns
 * what it maps: names, email, newsletter flag and the default billing and shipping addresses. Everything else in
 * Magento stays as it is, including the customer's other addresses (the original extension deleted them).
 */
@Component
class MagentoCustomerMapper {

    private final RegionDirectory regions;
    private final CustomerSyncProperties properties;

    MagentoCustomerMapper(RegionDirectory regions, CustomerSyncProperties properties) {
        this.regions = regions;
        this.properties = properties;
    }

    /** {@code groupId} null keeps the linked customer's group (new customers get Magento's default). */
    MagentoCustomer map(Customer source, Optional<MagentoCustomer> linked, Integer groupId) {
        var attributes = new HashMap<String, String>(linked.map(MagentoCustomer::customAttributes).orElseGet(HashMap::new));
        attributes.put(CustomerLink.MAGENTO_ATTRIBUTE, Integer.toString(source.id()));
        return new MagentoCustomer(
                linked.map(MagentoCustomer::id).orElse(null),
                source.email(),
                source.billing().firstName(),
                source.billing().lastName(),
                linked.map(MagentoCustomer::websiteId).orElse(properties.websiteId()),
                groupId != null ? groupId : linked.map(MagentoCustomer::groupId).orElse(null),
                addresses(source, linked.map(MagentoCustomer::addresses).orElse(List.of())),
                attributes,
                source.receivesNews(),
                linked.map(MagentoCustomer::updatedAt).orElse(null));
    }

    /**
     * The default billing address takes RE's billing details, the default shipping address RE's delivery details.
     * With no RE delivery address, the billing address is also the default shipping one; with one, shipping gets an
     * address of its own rather than overwriting a shared billing/shipping address.
     */
    private List<MagentoAddress> addresses(Customer source, List<MagentoAddress> current) {
        List<MagentoAddress> result = new ArrayList<>(current == null ? List.of() : current);
        Contact billing = source.billing();
        Contact shipping = named(source.shipping(), billing);
        boolean hasBilling = !billing.address().isEmpty();
        boolean hasShipping = !shipping.address().isEmpty();

        if (hasBilling) {
            int at = indexOf(result, true);
            MagentoAddress existing = at < 0 ? null : result.get(at);
            boolean alsoShipping = existing != null ? existing.defaultShipping() && !hasShipping : !hasShipping && indexOf(result, false) < 0;
            MagentoAddress mapped = toAddress(existing, billing, true, alsoShipping);
            if (at < 0) {
                result.add(mapped);
            } else {
                result.set(at, mapped);
            }
        }
        if (hasShipping) {
            int at = indexOf(result, false);
            MagentoAddress existing = at < 0 ? null : result.get(at);
            if (existing != null && existing.defaultBilling()) {
                // Shared address: it stays the billing address; shipping gets its own.
                result.set(at, withDefaultShipping(existing, false));
                existing = null;
                at = -1;
            }
            MagentoAddress mapped = toAddress(existing, shipping, false, true);
            if (at < 0) {
                result.add(mapped);
            } else {
                result.set(at, mapped);
            }
        }
        return List.copyOf(result);
    }

    private static int indexOf(List<MagentoAddress> addresses, boolean billing) {
        for (int i = 0; i < addresses.size(); i++) {
            MagentoAddress a = addresses.get(i);
            if (billing ? a.defaultBilling() : a.defaultShipping()) {
                return i;
            }
        }
        return -1;
    }

    private MagentoAddress toAddress(MagentoAddress existing, Contact contact, boolean defaultBilling,
                                     boolean defaultShipping) {
        var address = contact.address();
        List<String> street = Stream.of(address.line1(), address.line2()).filter(line -> !line.isBlank()).toList();
        if (existing != null && existing.street() != null && existing.street().size() > 2
                && existing.street().subList(0, 2).stream().filter(line -> !line.isBlank()).toList().equals(street)) {
            // RE has two street lines: Magento's further lines are not RE's to remove (nor an echo of a push).
            street = List.copyOf(Stream.concat(street.stream(), existing.street().stream().skip(2)).toList());
        }
        return new MagentoAddress(existing == null ? null : existing.id(), contact.firstName(), contact.lastName(), contact.company(), street,
                address.city(), regions.resolve(address.countryCode(), address.state()), address.postcode(),
                address.countryCode(), contact.phone(), contact.fax(), defaultBilling, defaultShipping);
    }

    /** A delivery contact without names takes the billing names: Magento requires names on every address. */
    private static Contact named(Contact shipping, Contact billing) {
        if (!shipping.firstName().isBlank() || !shipping.lastName().isBlank()) {
            return shipping;
        }
        return new Contact(billing.firstName(), billing.lastName(), shipping.company(), shipping.address(),
                shipping.phone(), shipping.fax());
    }

    private static MagentoAddress withDefaultShipping(MagentoAddress a, boolean defaultShipping) {
        return new MagentoAddress(a.id(), a.firstname(), a.lastname(), a.company(), a.street(), a.city(), a.region(),
                a.postcode(), a.countryId(), a.telephone(), a.fax(), a.defaultBilling(), defaultShipping);
    }
}
