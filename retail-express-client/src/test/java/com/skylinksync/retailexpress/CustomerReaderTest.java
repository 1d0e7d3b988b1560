package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/** The GetCustomers mapping (reference 3.1), on the simulator's fixture document and on hand-made variants. */
class CustomerReaderTest {

    private static RetailExpressSimulator simulator;
    private final CustomerReader reader = new CustomerReader(new Countries());

    @BeforeAll
    static void start() {
        simulator = RetailExpressSimulator.start(RetailExpressSimulator.Options.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void mapsTheFixtureDocumentAsRetailExpressSendsIt() throws Exception {
        Element document = new RawSoap(simulator).resultDocument(
                "<re:GetCustomers><re:CustomerIds><re:int>300000</re:int></re:CustomerIds></re:GetCustomers>");
        // RE's quirk, kept by the simulator: the postcode comes padded to 30 characters.
        assertThat(ResultElements.all(document, "BillPostCode").getFirst().getTextContent()).hasSize(30);

        Customer joey = reader.readAll(document).getFirst();

        assertThat(joey.billing().address().postcode()).isEqualTo("4000");
        assertThat(joey.billing().address().state()).isEqualTo("Queensland");
        assertThat(joey.billing().address().countryCode()).isEqualTo("AU");
        assertThat(joey.shipping().firstName()).isEqualTo("Joey");
        assertThat(joey.shipping().lastName()).isEqualTo("Bloggs");
        assertThat(joey.receivesNews()).isTrue();
        assertThat(joey.standardPriceGroupId()).isEqualTo(2);
        assertThat(joey.fixedPriceGroupId()).isNull();
        assertThat(joey.loyaltyPoints()).isZero();
    }

    @ParameterizedTest(name = "DelName ''{0}'' with billing {1} {2} -> ''{3}'' ''{4}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "Mary Jane Watson | Mary Jane | Watson | Mary Jane | Watson", // same as billing: a two-word first name kept
            "Peter Parker     | Mary      | Watson | Peter     | Parker",
            "Ann de la Cruz   | Mary      | Watson | Ann       | de la Cruz",
            "Reception        | Mary      | Watson | Reception | ''",       // one word: the SDK lost it
            "''               | Mary      | Watson | ''        | ''"})
    void splitsTheDeliveryName(String delName, String first, String last, String expectedFirst, String expectedLast)
            throws Exception {
        Customer customer = read("<BillFirstName>" + first + "</BillFirstName><BillLastName>" + last
                + "</BillLastName><DelName>" + delName + "</DelName>");

        assertThat(customer.shipping().firstName()).isEqualTo(expectedFirst);
        assertThat(customer.shipping().lastName()).isEqualTo(expectedLast);
    }

    @Test
    void defaultsAnEmptyEmailToTheIdAtExampleCom() throws Exception {
        assertThat(read("<BillEmail/>").email()).isEqualTo("300500@example.com");
        assertThat(read("").email()).isEqualTo("300500@example.com");
    }

    @ParameterizedTest
    @CsvSource(emptyValue = "EMPTY", value = {"1,true", "true,true", "Yes,true", "on,true", "0,false", "false,false",
            "no,false", "OFF,false", "EMPTY,false"})
    void readsReceivesNewsAsABooleanLikeValue(String value, boolean expected) throws Exception {
        String text = value.equals("EMPTY") ? "" : value;
        assertThat(read("<ReceivesNews>" + text + "</ReceivesNews>").receivesNews()).isEqualTo(expected);
    }

    @Test
    void rejectsAnUnreadableReceivesNewsNamingTheField() {
        assertThatThrownBy(() -> read("<ReceivesNews>maybe</ReceivesNews>"))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("ReceivesNews").hasMessageContaining("maybe");
    }

    @Test
    void rejectsAMissingOrNonNumericId() throws Exception {
        Element noId = RawSoap.parse("<Response><Customers><Customer><BillFirstName>X</BillFirstName></Customer>"
                + "</Customers></Response>").getDocumentElement();
        assertThatThrownBy(() -> reader.readAll(noId)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("CustomerId");
        assertThatThrownBy(() -> read("<PriceGroupId>two</PriceGroupId>")).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("PriceGroupId");
    }

    @ParameterizedTest
    @CsvSource(emptyValue = "EMPTY", nullValues = "NULL", value = {"Australia,AU", "australia,AU", "AU,AU", "au,AU",
            "aus,AU", "AUS.,AU", "New Zealand,NZ", "NZ,NZ", "Narnia,NULL", "EMPTY,NULL"})
    void resolvesCountriesByNameCodeOrAlias(String country, String expected) throws Exception {
        String text = country.equals("EMPTY") ? "" : country;
        Customer customer = read("<BillCountry>" + text + "</BillCountry><DelCountry>" + text + "</DelCountry>");

        assertThat(customer.billing().address().countryCode()).isEqualTo(expected);
        assertThat(customer.shipping().address().countryCode()).isEqualTo(expected);
    }

    @Test
    void readsEveryCustomerAtAnyDepth() throws Exception {
        Element document = RawSoap.parse("<Response><Customers><Customer><CustomerId>1</CustomerId></Customer>"
                + "<Group><Customer><CustomerId>2</CustomerId></Customer></Group></Customers></Response>")
                .getDocumentElement();

        assertThat(reader.readAll(document)).extracting(Customer::id).isEqualTo(List.of(1, 2));
    }

    private Customer read(String fields) throws Exception {
        Element document = RawSoap.parse("<Response><Customers><Customer><CustomerId>300500</CustomerId>" + fields
                + "</Customer></Customers></Response>").getDocumentElement();
        return reader.readAll(document).getFirst();
    }
}
