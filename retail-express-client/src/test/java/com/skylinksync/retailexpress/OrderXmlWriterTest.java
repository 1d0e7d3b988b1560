package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.retailexpress.orders.DeliveryMethod;
import com.skylinksync.retailexpress.orders.ItemQty;
import com.skylinksync.retailexpress.orders.NewOrder;
import com.skylinksync.retailexpress.orders.NewOrderItem;
import com.skylinksync.retailexpress.orders.OrderStatus;
import com.skylinksync.retailexpress.payments.NewPayment;
import com.skylinksync.retailexpress.pricing.TaxRate;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OrderXML of reference 7.6, byte for byte, and the payment document of 3.9. */
class OrderXmlWriterTest {

    private final OrderXmlWriter writer = new OrderXmlWriter(new Countries());

    @Test
    void writesTheReferenceOrderXmlInItsExactOrder() {
        var placed = SydneyTime.parse("2017-03-20T10:15:00.000");
        NewOrder order = NewOrder.forNewCustomer("hello123", placed, OrderStatus.PENDING,
                        "hello+2017-03-20-10-15-00@example.com", new Contact("Ben", "Corlett", "", Address.EMPTY, "", ""),
                        new Contact("Ben", "Corlett", "Acme",
                                new Address("1 George Street", "", "Sydney", "New South Wales", "2000", "AU"), "", ""),
                        new BigDecimal("10.00"),
                        List.of(new NewOrderItem(124005, ItemQty.of(1), new BigDecimal("19.95"), TaxRate.parse("0.1"))))
                .withDelivery(DeliveryMethod.HOME, "Australia Post");

        assertThat(writer.order(order)).isEqualTo("<Orders><Order>"
                + "<DateCreated>2017-03-20T10:15:00.000</DateCreated><OrderTotal>29.95</OrderTotal>"
                + "<FreightTotal>10</FreightTotal><OrderStatus>Quote</OrderStatus><Password>hello123</Password>"
                + "<BillFirstName>Ben</BillFirstName><BillLastName>Corlett</BillLastName><BillAddress></BillAddress>"
                + "<BillAddress2></BillAddress2><BillCompany></BillCompany><BillSuburb></BillSuburb>"
                + "<BillPostCode></BillPostCode><BillState></BillState><BillCountry></BillCountry><BillPhone></BillPhone>"
                + "<BillEmail>hello+2017-03-20-10-15-00@example.com</BillEmail>"
                + "<DelName>Ben Corlett</DelName><DelCompany>Acme</DelCompany><DelAddress>1 George Street</DelAddress>"
                + "<DelAddress2></DelAddress2><DelSuburb>Sydney</DelSuburb><DelPostCode>2000</DelPostCode>"
                + "<DelState>New South Wales</DelState><DelCountry>Australia</DelCountry><DelPhone></DelPhone>"
                + "<ReceivesNews>1</ReceivesNews><PublicComments></PublicComments><PrivateComments></PrivateComments>"
                + "<OrderItems><OrderItem><ProductId>124005</ProductId><QtyOrdered>1</QtyOrdered>"
                + "<QtyFulfilled>0</QtyFulfilled><UnitPrice>19.95</UnitPrice><TaxRateApplied>0.1</TaxRateApplied>"
                + "<DeliveryMethod>home</DeliveryMethod><DeliveryDriverName>Australia Post</DeliveryDriverName>"
                + "</OrderItem></OrderItems></Order></Orders>");
    }

    @Test
    void customerIdInsteadOfPasswordAndTheFulfilmentOutletSpelling() {
        NewOrder plain = NewOrder.forCustomer(300000, SydneyTime.parse("2017-03-20T10:15:00"), OrderStatus.PROCESSING,
                        "joe@testing.com", null, null, BigDecimal.ZERO,
                        List.of(new NewOrderItem(1, ItemQty.of(2), BigDecimal.ONE, TaxRate.NONE)));
        NewOrder order = plain.withDelivery(DeliveryMethod.STORE, null).withFulfilmentOutlet(2);

        String xml = writer.order(order);

        assertThat(xml).contains("<OrderStatus>Incomplete</OrderStatus><CustomerId>300000</CustomerId><BillFirstName>")
                .contains("<PrivateComments></PrivateComments><FulfilmentOutletID>2</FulfilmentOutletID><OrderItems>")
                .contains("<DeliveryMethod>store</DeliveryMethod></OrderItem>").doesNotContain("Password");
        assertThat(writer.order(plain.withDelivery(DeliveryMethod.CASH_CARRY, null).withComments("a", "b")))
                .contains("<PublicComments>a</PublicComments><PrivateComments>b</PrivateComments>")
                .contains("<DeliveryMethod></DeliveryMethod>");
    }

    @Test
    void writesThePaymentDocument() {
        assertThat(writer.payment(NewPayment.withVoucher("16-00000002", 5, new BigDecimal("9.95"),
                SydneyTime.parse("2017-03-20T10:16:00"), "2ZPS40YV"))).isEqualTo("<OrderPayments><OrderPayment>"
                + "<OrderId>16-00000002</OrderId><MethodId>5</MethodId><Amount>9.95</Amount>"
                + "<DateCreated>2017-03-20T10:16:00.000</DateCreated><VoucherCode>2ZPS40YV</VoucherCode>"
                + "</OrderPayment></OrderPayments>");
    }
}
