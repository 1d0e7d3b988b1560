package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.orders.Fulfillment;
import com.skylinksync.retailexpress.orders.ItemQty;
import com.skylinksync.retailexpress.orders.Order;
import com.skylinksync.retailexpress.orders.OrderItem;
import com.skylinksync.retailexpress.orders.OrderStatus;
import com.skylinksync.retailexpress.orders.Payment;
import com.skylinksync.retailexpress.pricing.TaxRate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Maps GetOrder's document (reference 3.8, 7.5). Payments are {@code <Payment>} records whose amount is an inner
 * {@code <Payment>}: only elements with an {@code OrderPaymentId} child are records, so the quirk needs no rewriting.
 * Names come from the values of {@code BillName}/{@code DelName} (the SDK split the literal element names).
 */
final class OrderReader {

    private final Countries countries;

    OrderReader(Countries countries) {
        this.countries = countries;
    }

    Optional<Order> read(Element result) {
        Optional<Element> orderElement = ResultElements.all(result, "Order").stream()
                .filter(e -> ResultElements.hasChild(e, "OrderId")).findFirst();
        if (orderElement.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(orderElement.get(), "Order");
        String[] billNames = CustomerReader.shippingNames(f.text("BillName"), "", "");
        String[] delNames = CustomerReader.shippingNames(f.text("DelName"), billNames[0], billNames[1]);
        Contact billing = new Contact(billNames[0],
                billNames[1], f.text("BillCompany"), address(f, "Bill"), f.text("BillPhone"), f.text("BillFax"));
        Contact shipping = new Contact(delNames[0],
                delNames[1], f.text("DelCompany"), address(f, "Del"), f.text("DelPhone"), "");
        OrderStatus status;
        try {
            status = OrderStatus.fromRetailExpress(f.text("OrderStatus"));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(e.getMessage());
        }
        List<OrderItem> items = ResultElements.all(result, "OrderItem").stream().map(e -> {
            Fields i = new Fields(e, "OrderItem");
            try {
                return new OrderItem(i.requiredInt("OrderItemId"), i.requiredInt("ProductId"),
                        new ItemQty(i.decimalOrZero("QtyOrdered"), i.decimalOrZero("QtyFulfilled")),
                        i.decimalOrZero("UnitPrice"), TaxRate.NONE);
            } catch (IllegalArgumentException ex) {
                throw new RecordFormatException("Order item: " + ex.getMessage());
            }
        }).toList();
        List<Payment> payments = ResultElements.all(result, "Payment").stream()
                .filter(e -> ResultElements.hasChild(e, "OrderPaymentId")).map(e -> {
                    Fields p = new Fields(e, "Payment");
                    return new Payment(p.requiredInt("OrderPaymentId"), p.stripped("OrderId"), p.requiredInt("MethodId"),
                            SydneyTime.parse(p.text("DateCreated")), p.decimalOrZero("Payment"));
                }).toList();
        List<Fulfillment> fulfillments = ResultElements.all(result, "Fulfillment").stream().map(e -> {
            Fields ff = new Fields(e, "Fulfillment");
            Instant at = SydneyTime.parse(ff.text("DateFulfilled"));
            if (at == null) {
                throw new RecordFormatException("Fulfillment without DateFulfilled");
            }
            return new Fulfillment(ff.optionalInt("FulfillmentID"), ff.stripped("OrderId"),
                    ff.requiredInt("OrderItemId"), at, ff.decimalOrZero("QtyFulfilled"));
        }).toList();
        return Optional.of(new Order(f.required("OrderId"), f.optionalInt("CustomerId"),
                SydneyTime.parse(f.text("DateCreated")), status, f.stripped("BillEmail"), billing, shipping,
                f.decimalOrZero("FreightTotal"), f.text("PublicComments"), f.text("PrivateComments"), items,
                payments, fulfillments));
    }

    private Address address(Fields f, String prefix) {
        return new Address(f.text(prefix + "Address"), f.text(prefix + "Address2"), f.text(prefix + "Suburb"),
                f.text(prefix + "State"), f.stripped(prefix + "PostCode"), countries.resolve(f.text(prefix + "Country")));
    }

}
