package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CustomerXmlWriterTest {

    private final CustomerXmlWriter writer = new CustomerXmlWriter(new Countries());
    private final Contact billing = new Contact("Joey", "Bloggs", "Sample Company",
            new Address("Unit 5", "192 Ann St", "Brisbane", "Queensland", "4000", "AU"), "(07) 1111 1111", "fax");
    private final Contact shipping = new Contact("Reception", "", "Acme",
            new Address("1 George Street", "Level 2", "Sydney", "New South Wales", "2000", "NZ"), "02 1234", "");

    @Test
    void writesAnExistingCustomerInRetailExpressOrder() throws Exception {
        Element customer = customerOf(writer.write(
                new CustomerUpdate(300000, null, "joe@testing.com", billing, shipping, true)));

        assertThat(children(customer)).containsExactly("CustomerId", "BillFirstName", "BillLastName", "BillAddress",
                "BillAddress2", "BillCompany", "BillSuburb", "BillPostCode", "BillState", "BillCountry", "BillPhone",
                "BillEmail", "DelName", "DelCompany", "DelAddress", "DelAddress2", "DelSuburb", "DelPostCode",
                "DelState", "DelCountry", "DelPhone", "ReceivesNews", "ExportToWSI");
        assertThat(ResultElements.childText(customer, "CustomerId")).isEqualTo("300000");
        assertThat(ResultElements.childText(customer, "BillCountry")).isEqualTo("Australia");
        assertThat(ResultElements.childText(customer, "DelCountry")).isEqualTo("New Zealand");
        assertThat(ResultElements.childText(customer, "DelName")).isEqualTo("Reception");
        assertThat(ResultElements.childText(customer, "ReceivesNews")).isEqualTo("1");
        assertThat(ResultElements.childText(customer, "ExportToWSI")).isEqualTo("1");
    }

    @Test
    void writesANewCustomerWithItsPasswordAndNoId() throws Exception {
        Element customer = customerOf(writer.write(
                new CustomerUpdate(null, "hello123", "ben@example.com", billing, Contact.EMPTY, false)));

        assertThat(children(customer).subList(0, 2)).containsExactly("Password", "BillFirstName");
        assertThat(children(customer)).doesNotContain("CustomerId").hasSize(23);
        assertThat(ResultElements.childText(customer, "Password")).isEqualTo("hello123");
        assertThat(ResultElements.childText(customer, "DelName")).isEmpty();
        assertThat(ResultElements.childText(customer, "DelCountry")).isEmpty();
        assertThat(ResultElements.childText(customer, "ReceivesNews")).isEmpty();
    }

    @Test
    void joinsTheDeliveryNameAndEscapesText() throws Exception {
        Contact named = new Contact("Ben", "Corlett & Sons", "", Address.EMPTY, "", "");
        String xml = writer.write(new CustomerUpdate(1, null, "b@example.com", named, named, false));

        assertThat(xml).startsWith("<Customers><Customer>").contains("Corlett &amp; Sons");
        assertThat(ResultElements.childText(customerOf(xml), "DelName")).isEqualTo("Ben Corlett & Sons");
    }

    private static Element customerOf(String xml) throws Exception {
        Element root = RawSoap.parse(xml).getDocumentElement();
        assertThat(root.getNodeName()).isEqualTo("Customers");
        return ResultElements.all(root, "Customer").getFirst();
    }

    private static List<String> children(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                names.add(child.getNodeName());
            }
        }
        return names;
    }
}
