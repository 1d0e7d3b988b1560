package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.orders.NewOrder;
import com.skylinksync.retailexpress.orders.NewOrderItem;
import com.skylinksync.retailexpress.payments.NewPayment;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the XML documents passed as strings: {@code OrderXML} in the SDK's exact element order (reference 3.8, 7.6;
 * RE's importer was only ever exercised with that order), {@code OrderPaymentXML} (3.9) and the ETA
 * {@code RequestXML} (3.6). Dates are Sydney wall-clock time.
 */
final class OrderXmlWriter {

    private final Countries countries;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    OrderXmlWriter(Countries countries) {
        this.countries = countries;
    }

    String order(NewOrder order) {
        return document(xml -> {
            xml.writeStartElement("Orders");
            xml.writeStartElement("Order");
            element(xml, "DateCreated", SydneyTime.format(order.createdAt()));
            element(xml, "OrderTotal", amount(order.total()));
            element(xml, "FreightTotal", amount(order.freightTotal()));
            element(xml, "OrderStatus", order.status().retailExpressLabel());
            if (order.isForNewCustomer()) {
                element(xml, "Password", order.password());
            } else {
                element(xml, "CustomerId", String.valueOf(order.customerId()));
            }
            Contact billing = order.billing();
            Contact shipping = order.shipping();
            Address bill = billing.address() == null ? Address.EMPTY : billing.address();
            Address del = shipping.address() == null ? Address.EMPTY : shipping.address();
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
            element(xml, "BillEmail", order.email());
            String last = shipping.lastName() == null ? "" : shipping.lastName();
            element(xml, "DelName", last.isEmpty() ? shipping.firstName() : shipping.firstName() + " " + last);
            element(xml, "DelCompany", shipping.company());
            element(xml, "DelAddress", del.line1());
            element(xml, "DelAddress2", del.line2());
            element(xml, "DelSuburb", del.city());
            element(xml, "DelPostCode", del.postcode());
            element(xml, "DelState", del.state());
            element(xml, "DelCountry", countries.nameOf(del.countryCode()));
            element(xml, "DelPhone", shipping.phone());
            element(xml, "ReceivesNews", "1"); // the SDK always sent 1 on orders
            element(xml, "PublicComments", order.publicComments());
            element(xml, "PrivateComments", order.privateComments());
            if (order.fulfilmentOutletId() != null) {
                // Capital ID: RE's documentation said "Id", RE itself wants "ID" (SDK commit 73b7db6).
                element(xml, "FulfilmentOutletID", String.valueOf(order.fulfilmentOutletId()));
            }
            xml.writeStartElement("OrderItems");
            for (NewOrderItem item : order.items()) {
                xml.writeStartElement("OrderItem");
                element(xml, "ProductId", String.valueOf(item.productId()));
                element(xml, "QtyOrdered", amount(item.qty().ordered()));
                element(xml, "QtyFulfilled", amount(item.qty().fulfilled()));
                element(xml, "UnitPrice", amount(item.unitPrice()));
                element(xml, "TaxRateApplied", item.taxRate().toString());
                // RE supports one delivery method per order: the order's is written on every line.
                element(xml, "DeliveryMethod", order.deliveryMethod().wireValue());
                if (order.deliveryDriverName() != null && !order.deliveryDriverName().isEmpty()) {
                    element(xml, "DeliveryDriverName", order.deliveryDriverName());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    String payment(NewPayment payment) {
        return document(xml -> {
            xml.writeStartElement("OrderPayments");
            xml.writeStartElement("OrderPayment");
            element(xml, "OrderId", payment.orderId());
            element(xml, "MethodId", String.valueOf(payment.methodId()));
            element(xml, "Amount", amount(payment.amount()));
            element(xml, "DateCreated", SydneyTime.format(payment.madeAt()));
            if (payment.usesVoucherCode()) {
                element(xml, "VoucherCode", payment.voucherCode());
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** {@code <Products><Product><ProductID>..</ProductID><QtyOrdered>..</QtyOrdered></Product>...}. */
    String etaRequest(Map<Integer, Integer> qtyByProduct) {
        return document(xml -> {
            xml.writeStartElement("Products");
            for (Map.Entry<Integer, Integer> entry : qtyByProduct.entrySet()) {
                xml.writeStartElement("Product");
                element(xml, "ProductID", String.valueOf(entry.getKey()));
                element(xml, "QtyOrdered", String.valueOf(entry.getValue()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            body.write(xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an RE request document", e);
        }
        return out.toString();
    }

    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }
}
