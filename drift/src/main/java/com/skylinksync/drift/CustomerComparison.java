package com.skylinksync.drift;

import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.customers.MagentoAddress;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.Customer;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.schemas.avro.EntityType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Linked customers (Magento customers with {@code skylink_customer_id}, read by pages), against RE's
 * ({@code GetCustomerDetails} for {@code batch-size} ids a call). Compared are the fields the customer sync maps
 * (RE owns them): email, first and last name (RE's billing contact), newsletter, and the default billing and
 * shipping addresses' street lines 1–2, city, postcode, country and phone.
 */
final class CustomerComparison {

    static final String LINK = "skylink_customer_id";

    private final RetailExpressCustomers retailExpress;
    private final MagentoCustomers magento;
    private final DriftProperties properties;

    CustomerComparison(RetailExpressCustomers retailExpress, MagentoCustomers magento, DriftProperties properties) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.properties = properties;
    }

    private SearchCriteria.Builder linked() {
        return SearchCriteria.builder().where(new SearchCriteria.Filter(LINK, "1", SearchCriteria.Condition.NOTNULL))
                .sortBy("entity_id", SearchCriteria.Direction.ASC);
    }

    long estimateCalls(MagentoReads mage) {
        int linked = mage.call(() -> magento.searchCustomers(linked().page(1, 1).build())).totalCount();
        return (linked + properties.batchSize() - 1) / properties.batchSize();
    }

    int compare(RetailExpressReads re, MagentoReads mage, List<Drift> out) {
        List<MagentoCustomer> customers = mage.all(linked(), magento::searchCustomers);
        for (int from = 0; from < customers.size(); from += properties.batchSize()) {
            List<MagentoCustomer> batch = customers.subList(from, Math.min(customers.size(), from + properties.batchSize()));
            List<Integer> ids = batch.stream().map(c -> parse(c.customAttribute(LINK))).filter(id -> id != null).distinct().toList();
            Map<Integer, Customer> found = ids.isEmpty() ? Map.of() : re.call(() -> retailExpress.getCustomers(ids)).stream()
                    .collect(Collectors.toMap(Customer::id, Function.identity(), (a, b) -> a));
            for (MagentoCustomer customer : batch) {
                String link = customer.customAttribute(LINK);
                Integer id = parse(link);
                Customer source = id == null ? null : found.get(id);
                if (source == null) {
                    out.add(new Drift(DriftCategory.CUSTOMER_GONE_FROM_RETAIL_EXPRESS, "customer", link, String.valueOf(customer.id()),
                            LINK, "", LINK + "=" + link + "; email=" + customer.email(), null, "RE has no customer " + link
                            + ": correct or clear skylink_customer_id in Magento (the push then creates the customer in RE)"));
                    continue;
                }
                Differences fields = compare(source, customer);
                if (fields.any()) {
                    out.add(fields.drift(DriftCategory.CUSTOMER_FIELDS, "customer", link, String.valueOf(customer.id()),
                            new Drift.HealTarget(EntityType.CUSTOMER, link)));
                }
            }
        }
        return customers.size();
    }

    private static Differences compare(Customer source, MagentoCustomer customer) {
        Differences fields = new Differences();
        fields.text("email", source.email(), customer.email());
        fields.text("firstname", source.billing().firstName(), customer.firstname());
        fields.text("lastname", source.billing().lastName(), customer.lastname());
        fields.text("newsletter", String.valueOf(source.receivesNews()), customer.subscribed() == null ? null : customer.subscribed().toString());
        List<MagentoAddress> addresses = customer.addresses() == null ? List.of() : customer.addresses();
        if (!source.billing().address().isEmpty()) {
            address(fields, "billing", source.billing(), addresses.stream().filter(MagentoAddress::defaultBilling).findFirst());
        }
        if (!source.shipping().address().isEmpty()) {
            address(fields, "shipping", source.shipping(), addresses.stream().filter(MagentoAddress::defaultShipping).findFirst());
        }
        return fields;
    }

    private static void address(Differences fields, String which, Contact contact, Optional<MagentoAddress> shown) {
        var address = contact.address();
        List<String> street = Stream.of(address.line1(), address.line2()).filter(line -> !line.isBlank()).toList();
        List<String> shownStreet = shown.map(a -> a.street() == null ? List.<String>of()
                : a.street().stream().limit(2).filter(line -> line != null && !line.isBlank()).toList()).orElse(null);
        fields.text(which + ".street", String.join(" / ", street), shownStreet == null ? null : String.join(" / ", shownStreet));
        fields.text(which + ".city", address.city(), shown.map(MagentoAddress::city).orElse(null));
        fields.text(which + ".postcode", address.postcode(), shown.map(MagentoAddress::postcode).orElse(null));
        fields.text(which + ".country", address.countryCode(), shown.map(MagentoAddress::countryId).orElse(null));
        fields.text(which + ".telephone", contact.phone(), shown.map(MagentoAddress::telephone).orElse(null));
    }

    private static Integer parse(String id) {
        try {
            return id == null ? null : Integer.valueOf(id.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

}
