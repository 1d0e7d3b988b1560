package com.skylinksync.retailexpress;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the {@code CustomerXML} document of {@code CustomerCreateUpdate} with the children in the SDK's exact order
 * (reference 3.1): RE's importer was only ever exercised with that order, so we do not find out what else it accepts.
 */
final class CustomerXmlWriter {

    private final Countries countries;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    CustomerXmlWriter(Countries countries) {
        this.countries = countries;
    }

    String write(CustomerUpdate customer) {
        Contact billing = customer.billing() == null ? Contact.EMPTY : customer.billing();
        Contact shipping = customer.shipping() == null ? Contact.EMPTY : customer.shipping();
        Address bill = billing.address() == null ? Address.EMPTY : billing.address();
        Address del = shipping.address() == null ? Address.EMPTY : shipping.address();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartElement("Customers");
            xml.writeStartElement("Customer");
            if (!customer.isNew()) {
                element(xml, "CustomerId", String.valueOf(customer.id()));
            } else {
                element(xml, "Password", customer.password());
            }
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
            element(xml, "BillEmail", customer.email());
            element(xml, "DelName", deliveryName(shipping));
            element(xml, "DelCompany", shipping.company());
            element(xml, "DelAddress", del.line1());
            element(xml, "DelAddress2", del.line2());
            element(xml, "DelSuburb", del.city());
            element(xml, "DelPostCode", del.postcode());
            element(xml, "DelState", del.state());
            element(xml, "DelCountry", countries.nameOf(del.countryCode()));
            element(xml, "DelPhone", shipping.phone());
            element(xml, "ReceivesNews", customer.receivesNews() ? "1" : ""); // a PHP bool cast to string
            element(xml, "ExportToWSI", "1"); // BUG-94 in the SDK: always flag the customer for web export
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write CustomerXML", e);
        }
        return out.toString();
    }

    private static String deliveryName(Contact shipping) {
        String first = nonNull(shipping.firstName());
        String last = nonNull(shipping.lastName());
        return last.isEmpty() ? first : first + " " + last;
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(nonNull(value));
        xml.writeEndElement();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
