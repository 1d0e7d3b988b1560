package com.skylinksync.sandbox.retailexpress;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An RE result document ({@code <Response>...}) built as DOM, the form JAX-WS needs for the xs:any inside
 * {@code {Op}Result}. RE's elements carry no namespace.
 */
final class ResponseDocument {

    private final Document document;
    private final Element root;

    ResponseDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        root = document.createElementNS(null, "Response");
        document.appendChild(root);
    }

    /** {@code <Response><Error>message</Error></Response>}: RE's in-band failure inside a successful SOAP response. */
    static Element error(String message) {
        ResponseDocument response = new ResponseDocument();
        response.text(response.root(), "Error", message);
        return response.root();
    }

    Element root() {
        return root;
    }

    Element child(Element parent, String name) {
        Element child = document.createElementNS(null, name);
        parent.appendChild(child);
        return child;
    }

    /** A child with text; an empty value gives an empty element ({@code <BillFax/>}), as RE sends them. */
    Element text(Element parent, String name, String value) {
        Element child = child(parent, name);
        if (value != null && !value.isEmpty()) {
            child.setTextContent(value);
        }
        return child;
    }
}
