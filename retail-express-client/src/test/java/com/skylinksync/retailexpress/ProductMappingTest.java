package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.outlets.OutletAddress;
import com.skylinksync.retailexpress.payments.Voucher;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.InvalidMatrixException;
import com.skylinksync.retailexpress.products.Matrix;
import com.skylinksync.retailexpress.products.MatrixPolicies;
import com.skylinksync.retailexpress.products.MatrixPolicy;
import com.skylinksync.retailexpress.products.OutletQty;
import com.skylinksync.retailexpress.products.Product;
import com.skylinksync.retailexpress.products.ProductMapping;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Product mapping and matrix rules on the simulator's fixture XML (reference 7.3/7.4), and the small value rules of
 * reference 6.1: OutletQtySpec, AddressSpec, SimpleStatusSpec, VoucherSpec, UtilSpec.
 */
class ProductMappingTest {

    private final ProductReader reader = new ProductReader();

    static Element xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text))).getDocumentElement();
    }

    private static String tee(int id, String size, String colour, String type) {
        return "<Product><ProductId>" + id + "</ProductId><SKU>T-" + id + "</SKU><Code>BSS-THAW16</Code>"
                + "<Description>Thaw Tee</Description><DefaultPrice>49.95</DefaultPrice><TaxRate>0.1</TaxRate>"
                + "<ManageStock>true</ManageStock><StockAvailable>4</StockAvailable><ProductTypeId>" + type
                + "</ProductTypeId><SizeId>" + size + "</SizeId><ColourId>" + colour + "</ColourId></Product>";
    }

    private ChannelProducts read(String... products) throws Exception {
        return reader.readAll(xml("<Response><Products>" + String.join("", products) + "</Products></Response>"),
                ProductMapping.DEFAULT);
    }

    @Test
    void configurableNameAndPriceFallBackToDescriptionAndDefaultPrice() throws Exception {
        Element record = xml("<Product><ProductId>1</ProductId><SKU>A</SKU><Description>Desc</Description>"
                + "<Custom2>Custom name</Custom2><DefaultPrice>10</DefaultPrice><RRP>12</RRP><TaxRate>10%</TaxRate>"
                + "<ManageStock>0</ManageStock><ShippingCubic>3.5</ShippingCubic></Product>");
        ProductMapping custom = new ProductMapping(ProductMapping.NameField.CUSTOM_2, ProductMapping.PriceField.RRP,
                ProductMapping.PriceField.WEB_PRICE, MatrixPolicies.DEFAULT);
        ProductMapping emptyFields = new ProductMapping(ProductMapping.NameField.CUSTOM_1,
                ProductMapping.PriceField.WEB_PRICE, ProductMapping.PriceField.RRP, MatrixPolicies.DEFAULT);

        Product named = reader.read(record, custom);
        Product fallback = reader.read(record, emptyFields);

        assertThat(named.name()).isEqualTo("Custom name");
        assertThat(named.pricing().regularPrice()).isEqualByComparingTo("12");
        assertThat(named.pricing().special()).isEmpty();
        assertThat(fallback.name()).isEqualTo("Desc");
        assertThat(fallback.pricing().regularPrice()).isEqualByComparingTo("10");
        assertThat(fallback.pricing().special()).hasValueSatisfying(s -> {
            assertThat(s.price()).isEqualByComparingTo("12");
            assertThat(s.from()).isNull(); // only the promotional price is timed
        });
        assertThat(named.packageSize().cubicWeight()).isEqualByComparingTo("3.5");
        assertThat(named.inventory().managed()).isFalse();
        assertThat(named.inventory().available()).isNull();
    }

    @Test
    void aTaxRateOfTenIsAFormatError() throws Exception {
        Element record = xml("<Product><ProductId>1</ProductId><SKU>A</SKU><DefaultPrice>10</DefaultPrice>"
                + "<TaxRate>10</TaxRate><ManageStock>1</ManageStock></Product>");

        assertThatThrownBy(() -> reader.read(record, ProductMapping.DEFAULT)).isInstanceOf(RecordFormatException.class);
    }

    @Test
    void aSecondPriceForOneGroupIsAFormatError() throws Exception {
        Element record = xml("<Product><ProductId>1</ProductId><SKU>A</SKU><DefaultPrice>10</DefaultPrice>"
                + "<TaxRate>0.1</TaxRate><ManageStock>1</ManageStock><Standard_Price_Group><PriceGroup Id=\"2\">9"
                + "</PriceGroup><PriceGroup Id=\"2\">8</PriceGroup></Standard_Price_Group></Product>");

        assertThatThrownBy(() -> reader.read(record, ProductMapping.DEFAULT)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("standard:2");
    }

    @Test
    void theFirstQuantityPerOutletWins() throws Exception {
        Element record = xml("<Product><ProductId>1</ProductId><SKU>A</SKU><DefaultPrice>10</DefaultPrice>"
                + "<TaxRate>0.1</TaxRate><ManageStock>1</ManageStock><StockAvailablePerOutlet><Outlet Id=\"2\">5"
                + "</Outlet><Outlet Id=\"2\">7</Outlet></StockAvailablePerOutlet></Product>");

        assertThat(reader.read(record, ProductMapping.DEFAULT).inventory().outlets())
                .containsExactly(new OutletQty(2, 5));
    }

    @Test
    void sixTeesWithUniqueSizeColourPairsAreOneMatrix() throws Exception {
        ChannelProducts products = read(tee(1, "S", "12", "2"), tee(2, "M", "12", "2"), tee(3, "L", "12", "2"),
                tee(4, "S", "14", "2"), tee(5, "M", "14", "2"), tee(6, "L", "14", "2"));

        assertThat(products.matrices()).singleElement().satisfies(m -> {
            assertThat(m.sku()).isEqualTo("BSS-THAW16");
            assertThat(m.policy()).isEqualTo(MatrixPolicy.DEFAULT);
            assertThat(m.option(AttributeCode.PRODUCT_TYPE)).isPresent();
            assertThat(m.option(AttributeCode.COLOUR)).isEmpty();
        });
    }

    @Test
    void duplicateCombinationsAreRejectedWithTheProductsNamed() throws Exception {
        ChannelProducts products = read(tee(1, "S", "12", "2"), tee(2, "S", "12", "2"));

        assertThat(products.matrices()).isEmpty();
        assertThat(products.rejected()).singleElement().satisfies(r -> {
            assertThat(r.productIds()).containsExactly(1, 2);
            assertThat(r.reason()).isEqualTo("Matrix \"BSS-THAW16\" requires unique combinations of options, but"
                    + " products 1, 2 all use \"S\" for \"size\", \"12\" for \"colour\"");
        });
    }

    @Test
    void aProductWithoutAnyPolicyAttributeIsRejected() throws Exception {
        ChannelProducts products = read(tee(1, "S", "12", "2"), tee(2, "", "", "2"));

        assertThat(products.rejected()).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("product 2 has none of the matrix attributes [size, colour]"));
    }

    @Test
    void anAttributeOnSomeProductsMustBeOnAll() throws Exception {
        ChannelProducts products = read(tee(1, "S", "12", "2"), tee(2, "M", "", "2"));

        assertThat(products.rejected()).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("products 2 have no \"colour\" option"));
    }

    @Test
    void anAnyPolicyAcceptsAnAttributeMissingOnAllProducts() throws Exception {
        ChannelProducts products = read(tee(1, "S", "", "2"), tee(2, "M", "", "2"));

        assertThat(products.matrices()).hasSize(1);
    }

    @Test
    void theProductTypeChoosesThePolicyAndAllRequiresEveryAttribute() throws Exception {
        MatrixPolicy all = new MatrixPolicy(List.of(AttributeCode.SIZE, AttributeCode.COLOUR),
                MatrixPolicy.Requirement.ALL);
        ProductMapping mapping = new ProductMapping(ProductMapping.NameField.DESCRIPTION,
                ProductMapping.PriceField.DEFAULT_PRICE, ProductMapping.PriceField.PROMOTIONAL_PRICE,
                new MatrixPolicies(Map.of("7", all), MatrixPolicy.DEFAULT));

        ChannelProducts withAll = reader.readAll(xml("<R>" + tee(1, "S", "", "7") + tee(2, "M", "", "7") + "</R>"),
                mapping);
        ChannelProducts withDefault = reader.readAll(xml("<R>" + tee(1, "S", "", "2") + tee(2, "M", "", "2")
                + "</R>"), mapping);

        assertThat(withAll.rejected()).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("which this matrix requires on every product"));
        assertThat(withDefault.matrices()).hasSize(1);
    }

    @Test
    void productTypeIsNeverAPolicyAttribute() {
        assertThatThrownBy(() -> new MatrixPolicy(List.of(AttributeCode.PRODUCT_TYPE), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void childrenMustShareTheManufacturerSku() throws Exception {
        List<Product> products = List.of(reader.read(xml(tee(1, "S", "12", "2")), ProductMapping.DEFAULT),
                reader.read(xml(tee(2, "M", "12", "2").replace("BSS-THAW16", "OTHER")), ProductMapping.DEFAULT));

        assertThatThrownBy(() -> Matrix.of(products, MatrixPolicies.DEFAULT)).isInstanceOf(InvalidMatrixException.class)
                .hasMessageContaining("all products must share it");
    }

    @Test
    void outletQtyRendersAsOutletColonQty() {
        assertThat(new OutletQty(1, 10)).hasToString("1:10");
    }

    @Test
    void addressRendersNonEmptyLinesAndResolvesTheAusAlias() {
        Countries countries = new Countries();
        OutletAddress address = new OutletAddress("Unit 11", "Pitt Street Mall", "Pitt Street", "Sydney",
                "New South Wales", "2000", countries.resolve("Australia"));

        assertThat(address.render())
                .isEqualTo("Unit 11\nPitt Street Mall\nPitt Street\nSydney New South Wales 2000\nAustralia");
        assertThat(countries.resolve("aus.")).isEqualTo("AU");
        assertThat(countries.resolve("Atlantis")).isNull();
    }

    @Test
    void booleanLikeValues() {
        assertThat(BooleanLike.parse("f", "true")).isTrue();
        assertThat(BooleanLike.parse("f", "false")).isFalse();
        assertThat(BooleanLike.parse("f", "1")).isTrue();
        assertThat(BooleanLike.parse("f", "")).isFalse();
        assertThatThrownBy(() -> BooleanLike.parse("f", "not a boolean")).isInstanceOf(RecordFormatException.class);
    }

    @Test
    void voucherZeroOrMissingIsNoVoucher() throws Exception {
        ReferenceReader references = new ReferenceReader(new Countries());

        assertThat(references.voucher("voucher code", xml("<R><Amount>100</Amount></R>")))
                .contains(new Voucher("voucher code", new BigDecimal("100")));
        assertThat(references.voucher("x", xml("<R><Amount>0.00</Amount></R>"))).isEmpty();
        assertThat(references.voucher("x", xml("<R/>"))).isEmpty();
    }

    @Test
    void sydneyDatesAreWrittenWithoutOffsetAndReadLeniently() {
        var instant = SydneyTime.parse("2017-03-20T10:15:00.000");

        assertThat(SydneyTime.format(instant)).isEqualTo("2017-03-20T10:15:00.000");
        assertThat(SydneyTime.parse("2017-03-20 10:15:00")).isEqualTo(instant);
        assertThat(instant).isEqualTo(java.time.Instant.parse("2017-03-19T23:15:00Z")); // AEDT, +11
        assertThat(SydneyTime.parse("")).isNull();
    }
}
