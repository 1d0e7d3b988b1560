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

    private final RequestXml requestXml;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    OrderXmlWriter(Countries countries) {
        this.requestXml = new RequestXml(countries);
    }

    String order(NewOrder order) {
        return document(xml -> {
            xml.writeStartElement("Orders");
            xml.writeStartElement("Order");
            RequestXml.element(xml, "DateCreated", SydneyTime.format(order.createdAt()));
            RequestXml.element(xml, "OrderTotal", amount(order.total()));
            RequestXml.element(xml, "FreightTotal", amount(order.freightTotal()));
            RequestXml.element(xml, "OrderStatus", order.status().retailExpressLabel());
            if (order.isForNewCustomer()) {
                RequestXml.element(xml, "Password", order.password());
            } else {
                RequestXml.element(xml, "CustomerId", String.valueOf(order.customerId()));
            }
            requestXml.writeContacts(xml, order.billing(), order.email(), order.shipping());
            RequestXml.element(xml, "ReceivesNews", "1"); // the SDK always sent 1 on orders
            RequestXml.element(xml, "PublicComments", order.publicComments());
            RequestXml.element(xml, "PrivateComments", order.privateComments());
            if (order.fulfilmentOutletId() != null) {
                // Capital ID: RE's documentation said "Id", RE itself wants "ID" (SDK commit 73b7db6).
                RequestXml.element(xml, "FulfilmentOutletID", String.valueOf(order.fulfilmentOutletId()));
            }
            xml.writeStartElement("OrderItems");
            for (NewOrderItem item : order.items()) {
                xml.writeStartElement("OrderItem");
                RequestXml.element(xml, "ProductId", String.valueOf(item.productId()));
                RequestXml.element(xml, "QtyOrdered", amount(item.qty().ordered()));
                RequestXml.element(xml, "QtyFulfilled", amount(item.qty().fulfilled()));
                RequestXml.element(xml, "UnitPrice", amount(item.unitPrice()));
                RequestXml.element(xml, "TaxRateApplied", item.taxRate().toString());
                // RE supports one delivery method per order: the order's is written on every line.
                RequestXml.element(xml, "DeliveryMethod", order.deliveryMethod().wireValue());
                if (order.deliveryDriverName() != null && !order.deliveryDriverName().isEmpty()) {
                    RequestXml.element(xml, "DeliveryDriverName", order.deliveryDriverName());
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
            RequestXml.element(xml, "OrderId", payment.orderId());
            RequestXml.element(xml, "MethodId", String.valueOf(payment.methodId()));
            RequestXml.element(xml, "Amount", amount(payment.amount()));
            RequestXml.element(xml, "DateCreated", SydneyTime.format(payment.madeAt()));
            if (payment.usesVoucherCode()) {
                RequestXml.element(xml, "VoucherCode", payment.voucherCode());
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
                RequestXml.element(xml, "ProductID", String.valueOf(entry.getKey()));
                RequestXml.element(xml, "QtyOrdered", String.valueOf(entry.getValue()));
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
}
