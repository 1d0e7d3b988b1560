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

    private final RequestXml requestXml;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    CustomerXmlWriter(Countries countries) {
        this.requestXml = new RequestXml(countries);
    }

    String write(CustomerUpdate customer) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartElement("Customers");
            xml.writeStartElement("Customer");
            if (!customer.isNew()) {
                RequestXml.element(xml, "CustomerId", String.valueOf(customer.id()));
            } else {
                RequestXml.element(xml, "Password", customer.password());
            }
            requestXml.writeContacts(xml, customer.billing(), customer.email(), customer.shipping());
            RequestXml.element(xml, "ReceivesNews", customer.receivesNews() ? "1" : ""); // a PHP bool cast to string
            RequestXml.element(xml, "ExportToWSI", "1"); // BUG-94 in the SDK: always flag the customer for web export
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write CustomerXML", e);
        }
        return out.toString();
    }
}
