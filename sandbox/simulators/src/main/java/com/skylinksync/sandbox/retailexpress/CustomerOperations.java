package com.skylinksync.sandbox.retailexpress;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** GetCustomers, GetCustomerIds and CustomerCreateUpdate over the {@link CustomerStore}, answering RE's documents. */
final class CustomerOperations {

    /** RE pads postcodes to 30 characters (the SDK trims them, reference 3.1). */
    private static final int POSTCODE_WIDTH = 30;

    private final CustomerStore customers;

    CustomerOperations(CustomerStore customers) {
        this.customers = customers;
    }

    /** {@code <Response><Customers><Customer>...}; unknown ids are absent. */
    Element getCustomers(Collection<Integer> ids) {
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "Customers");
        for (StoredCustomer customer : customers.findAll(ids)) {
            Element record = response.child(list, "Customer");
            response.text(record, "CustomerId", String.valueOf(customer.id()));
            for (String field : StoredCustomer.RENDERED_FIELDS) {
                String value = customer.field(field);
                if (field.endsWith("PostCode") && !value.isEmpty()) {
                    value = String.format(Locale.ROOT, "%-" + POSTCODE_WIDTH + "s", value);
                }
                response.text(record, field, value);
            }
        }
        return response.root();
    }

    /** {@code <Response><Customers><Customer><CustomerId>..</CustomerId></Customer>...}; RE defaults both filters to true. */
    Element getCustomerIds(Boolean onlyForExport, Boolean onlyWithEmails) {
        boolean export = onlyForExport == null || onlyForExport;
        boolean emails = onlyWithEmails == null || onlyWithEmails;
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "Customers");
        for (int id : customers.ids(c -> (!export || c.exportedToWeb()) && (!emails || c.hasEmail()))) {
            response.text(response.child(list, "Customer"), "CustomerId", String.valueOf(id));
        }
        return response.root();
    }

    /** Creates (no CustomerId) or updates the customer of a {@code <Customers><Customer>} document. */
    Element createOrUpdate(String customerXml) {
        Map<String, String> fields;
        try {
            fields = fieldsOf(customerXml);
        } catch (IllegalArgumentException e) {
            return ResponseDocument.error(e.getMessage());
        }
        String idText = fields.remove("CustomerId");
        fields.computeIfPresent("ReceivesNews", (k, v) -> receivesNews(v));
        fields.computeIfPresent("BillPostCode", (k, v) -> v.strip());
        fields.computeIfPresent("DelPostCode", (k, v) -> v.strip());
        Optional<StoredCustomer> saved;
        if (idText == null || idText.isBlank()) {
            saved = Optional.of(customers.create(fields));
        } else {
            saved = parseId(idText).flatMap(id -> customers.update(id, fields));
        }
        ResponseDocument response = new ResponseDocument();
        Element record = response.child(response.root(), "Customer");
        response.text(record, "CustomerId", saved.map(c -> String.valueOf(c.id())).orElse(idText));
        response.text(record, "Result", saved.isPresent() ? "Success" : "Fail");
        return response.root();
    }

    /** RE stores a flag; writers send "1" or "" (a PHP bool), readers get 1 or 0 back. */
    private static String receivesNews(String written) {
        return switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> "1";
            default -> "0";
        };
    }

    private static Optional<Integer> parseId(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The children of the first {@code <Customer>} as name → text (the last of a repeated name wins, as in sabre). */
    private static Map<String, String> fieldsOf(String customerXml) {
        if (customerXml == null || customerXml.isBlank()) {
            throw new IllegalArgumentException("CustomerXML is empty");
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(customerXml)))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("CustomerXML is not well-formed XML: " + e.getMessage());
        }
        NodeList records = root.getElementsByTagName("Customer");
        Element record = "Customer".equals(root.getNodeName()) ? root
                : records.getLength() > 0 ? (Element) records.item(0) : null;
        if (record == null) {
            throw new IllegalArgumentException("CustomerXML has no Customer element");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node node = record.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                fields.put(child.getNodeName(), child.getTextContent());
            }
        }
        return fields;
    }
}
