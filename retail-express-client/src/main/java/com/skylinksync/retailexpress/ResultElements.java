package com.skylinksync.retailexpress;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads RE's un-namespaced result documents the way the SDK did: by local element name, depth mostly irrelevant,
 * an empty element being the same as a missing one.
 */
final class ResultElements {

    private ResultElements() {
    }

    /** Every element of that name at any depth below {@code root} (and {@code root} itself), in document order. */
    static List<Element> all(Element root, String name) {
        List<Element> found = new ArrayList<>();
        if (root == null) {
            return found;
        }
        if (name.equals(nameOf(root))) {
            found.add(root);
        }
        NodeList nodes = root.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (name.equals(nameOf(element))) {
                found.add(element);
            }
        }
        return found;
    }

    /**
     * The integer {@code idField} of every {@code record} element at any depth, in document order; records without
     * one are skipped. An id that is not an integer is a {@link RecordFormatException}.
     */
    static List<Integer> ids(Element root, String record, String idField) {
        return all(root, record).stream()
                .map(r -> childText(r, idField).strip())
                .filter(id -> !id.isEmpty())
                .map(id -> {
                    try {
                        return Integer.parseInt(id);
                    } catch (NumberFormatException e) {
                        throw new RecordFormatException(idField + " is not an integer: '" + id + "'");
                    }
                })
                .toList();
    }

    /** The text of the direct child of that name, '' when missing or empty. Not trimmed: callers decide. */
    static String childText(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(nameOf(child))) {
                return child.getTextContent();
            }
        }
        return "";
    }

    static boolean hasChild(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(nameOf(child))) {
                return true;
            }
        }
        return false;
    }

    static String nameOf(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }
}
