package com.skylinksync.retailexpress;

import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Maps RE's {@code <Customer>} records (GetCustomers, reference 3.1) to {@link Customer}. Unlike the SDK it reads every
 * {@code <Customer>} in the document, so one call can fetch many customers.
 */
final class CustomerReader {

    private final Countries countries;

    CustomerReader(Countries countries) {
        this.countries = countries;
    }

    List<Customer> readAll(Element result) {
        return ResultElements.all(result, "Customer").stream().map(this::read).toList();
    }

    Customer read(Element record) {
        int id = requiredInt(record, "CustomerId");
        String first = text(record, "BillFirstName");
        String last = text(record, "BillLastName");
        String email = text(record, "BillEmail").strip();
        Contact billing = new Contact(first, last, text(record, "BillCompany"),
                new Address(text(record, "BillAddress"), text(record, "BillAddress2"), text(record, "BillSuburb"),
                        text(record, "BillState"), text(record, "BillPostCode").strip(),
                        countries.resolve(text(record, "BillCountry"))),
                text(record, "BillPhone"), text(record, "BillFax"));
        String[] shippingNames = shippingNames(text(record, "DelName"), first, last);
        Contact shipping = new Contact(shippingNames[0], shippingNames[1], text(record, "DelCompany"),
                new Address(text(record, "DelAddress"), text(record, "DelAddress2"), text(record, "DelSuburb"),
                        text(record, "DelState"), text(record, "DelPostCode").strip(),
                        countries.resolve(text(record, "DelCountry"))),
                text(record, "DelPhone"), "");
        return new Customer(id, email.isEmpty() ? id + "@example.com" : email, billing, shipping,
                booleanLike(record, "ReceivesNews"), optionalInt(record, "PriceGroupId"),
                optionalInt(record, "FixedPriceGroupId"), optionalInt(record, "LoyaltyPointsAvailable"));
    }

    /**
     * RE keeps one delivery name. When it is the billing name the billing names are reused (keeps a two-word
     * surname intact); otherwise it is split at the first space. A single word becomes the first name: the SDK
     * lost it, which blanked the shipping name of every customer with a one-word delivery name.
     */
    static String[] shippingNames(String delName, String billFirst, String billLast) {
        String name = delName.strip();
        if (name.isEmpty()) {
            return new String[] {"", ""};
        }
        if (name.equals(billFirst + " " + billLast)) {
            return new String[] {billFirst, billLast};
        }
        int space = name.indexOf(' ');
        return space < 0 ? new String[] {name, ""}
                : new String[] {name.substring(0, space), name.substring(space + 1).strip()};
    }

    private static String text(Element record, String field) {
        return ResultElements.childText(record, field);
    }

    private static int requiredInt(Element record, String field) {
        String value = text(record, field).strip();
        if (value.isEmpty()) {
            throw new RecordFormatException("Customer record without " + field);
        }
        return parseInt(field, value);
    }

    private static Integer optionalInt(Element record, String field) {
        String value = text(record, field).strip();
        return value.isEmpty() ? null : parseInt(field, value);
    }

    private static int parseInt(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RecordFormatException("Customer field " + field + " is not an integer: '" + value + "'");
        }
    }

    /** PHP's FILTER_VALIDATE_BOOLEAN, as the SDK used it: '' (and a missing element, which sabre read as null) is false. */
    private static boolean booleanLike(Element record, String field) {
        String value = text(record, field).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default -> throw new RecordFormatException(
                    "Customer field " + field + " is not a boolean-like value: '" + value + "'");
        };
    }
}
