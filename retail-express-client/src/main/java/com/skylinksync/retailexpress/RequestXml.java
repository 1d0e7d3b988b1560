package com.skylinksync.retailexpress;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What RE's XML-in-string request documents ({@code CustomerXML}, {@code OrderXML}, {@code OrderPaymentXML}) share:
 * text elements, and the twenty {@code Bill*}/{@code Del*} children of the customer and order documents in the SDK's
 * exact order (reference 3.1 and 3.8: the order repeats the customer's contact fields). Countries are written as
 * names, the delivery name as one string, address line 3 and the fax never.
 */
final class RequestXml {

    private final Countries countries;

    RequestXml(Countries countries) {
        this.countries = countries;
    }

    void writeContacts(XMLStreamWriter xml, Contact billingContact, String email, Contact shippingContact)
            throws XMLStreamException {
        Contact billing = billingContact == null ? Contact.EMPTY : billingContact;
        Contact shipping = shippingContact == null ? Contact.EMPTY : shippingContact;
        Address bill = billing.address() == null ? Address.EMPTY : billing.address();
        Address del = shipping.address() == null ? Address.EMPTY : shipping.address();
        element(xml, "BillFirstName", billing.firstName());
        element(xml, "BillLastName", billing.lastName());
        element(xml, "BillAddress", bill.line1());
        element(xml, "BillAddress2", bill.line2());
        element(xml, "BillCompany", billing.company());
        element(xml, "BillSuburb", bill.city());
        element(xml, "BillPostCode", bill.postcode());
        element(xml, "BillState", bill.state());
        element(xml, "BillCountry", countries.nameOf(bill.countryCode()));
        element(xml, "BillPhone", billing.phone());
        element(xml, "BillEmail", email);
        element(xml, "DelName", deliveryName(shipping));
        element(xml, "DelCompany", shipping.company());
        element(xml, "DelAddress", del.line1());
        element(xml, "DelAddress2", del.line2());
        element(xml, "DelSuburb", del.city());
        element(xml, "DelPostCode", del.postcode());
        element(xml, "DelState", del.state());
        element(xml, "DelCountry", countries.nameOf(del.countryCode()));
        element(xml, "DelPhone", shipping.phone());
    }

    /** One text element; null is written as empty, as the SDK wrote PHP's null. */
    static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    /** RE keeps one delivery name: first name, plus " last" when there is a last name. */
    private static String deliveryName(Contact shipping) {
        String first = shipping.firstName() == null ? "" : shipping.firstName();
        String last = shipping.lastName() == null ? "" : shipping.lastName();
        return last.isEmpty() ? first : first + " " + last;
    }
}
