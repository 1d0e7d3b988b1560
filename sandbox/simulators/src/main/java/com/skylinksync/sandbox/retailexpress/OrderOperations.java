package com.skylinksync.sandbox.retailexpress;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * GetOrder, OrderCreateByChannel and OrderAddPayment over a thread-safe order table seeded with {@code 16-00000001},
 * in front of the generated orders ({@code 17-...}, computed on read; one is stored once a payment is added to it).
 * New orders are numbered {@code 16-00000002} upwards; a Password in the OrderXML registers the customer as well.
 * Refusals are RE's in-band {@code <Error>}.
 */
final class OrderOperations {

    private static final Set<String> STATUSES = Set.of("Quote", "Awaiting Payment", "Incomplete", "Processed",
            "Cancelled");

    private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();
    private final AtomicInteger nextOrder = new AtomicInteger(2);
    private final AtomicInteger nextItem = new AtomicInteger(600);
    private final AtomicInteger nextPayment = new AtomicInteger(903);
    private final CustomerStore customers;
    private final ProductCatalogue products;
    private final GeneratedOrders generated;
    private final AtomicInteger nextFulfillment = new AtomicInteger(78);
    private final List<Map.Entry<String, RetailExpressSimulator.ReceivedDocument>> received =
            java.util.Collections.synchronizedList(new ArrayList<>());

    OrderOperations(CustomerStore customers, ProductCatalogue products, GeneratedOrders generated) {
        this.customers = customers;
        this.products = products;
        this.generated = generated;
        orders.put(OrderFixtures.first().id(), OrderFixtures.first());
    }

    /** {@code <Response><Order>..</Order><OrderItems>..<Payments>..<Fulfillments>..}; unknown → an empty response. */
    Element getOrder(String orderId) {
        ResponseDocument response = new ResponseDocument();
        StoredOrder order = orderId == null ? null : find(orderId.strip());
        if (order == null) {
            return response.root();
        }
        Element root = response.root();
        fill(response, response.child(root, "Order"), order.fields());
        Element items = response.child(root, "OrderItems");
        order.items().forEach(i -> fill(response, response.child(items, "OrderItem"), i));
        Element payments = response.child(root, "Payments");
        order.payments().forEach(p -> fill(response, response.child(payments, "Payment"), p));
        Element fulfillments = response.child(root, "Fulfillments");
        order.fulfillments().forEach(f -> fill(response, response.child(fulfillments, "Fulfillment"), f));
        return root;
    }

    /** Creates the order and journals the document with the order id it got (none when refused). */
    Element create(Integer channelId, String orderXml) {
        java.time.Instant at = java.time.Instant.now();
        Element response = createOrder(channelId, orderXml);
        var ids = response.getElementsByTagName("OrderId");
        received.add(Map.entry("OrderCreateByChannel", new RetailExpressSimulator.ReceivedDocument(at, channelId,
                orderXml, ids.getLength() == 0 ? null : ids.item(0).getTextContent())));
        return response;
    }

    private Element createOrder(Integer channelId, String orderXml) {
        Element order;
        try {
            order = record(orderXml, "Order");
        } catch (IllegalArgumentException e) {
            return ResponseDocument.error(e.getMessage());
        }
        Map<String, String> f = fields(order);
        if (!STATUSES.contains(f.getOrDefault("OrderStatus", ""))) {
            return ResponseDocument.error("Invalid order status '" + f.getOrDefault("OrderStatus", "") + "'");
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (Node n = order.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "OrderItems".equals(e.getNodeName())) {
                for (Node i = e.getFirstChild(); i != null; i = i.getNextSibling()) {
                    if (i instanceof Element item && "OrderItem".equals(item.getNodeName())) {
                        lines.add(fields(item));
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            return ResponseDocument.error("The order has no items");
        }
        int channel = channelId == null ? 0 : channelId;
        for (Map<String, String> line : lines) {
            Optional<Integer> productId = parseInt(line.get("ProductId"));
            if (productId.isEmpty() || products.find(productId.get()).filter(p -> p.onChannel(channel)).isEmpty()) {
                return ResponseDocument.error("Product " + line.get("ProductId") + " is not on channel " + channel);
            }
        }
        int customerId;
        String password = f.get("Password");
        if (password != null && !password.isEmpty()) {
            Map<String, String> customer = new LinkedHashMap<>();
            f.forEach((k, v) -> {
                if (k.startsWith("Bill") || k.startsWith("Del") || "Password".equals(k)) {
                    customer.put(k, v);
                }
            });
            customer.put("ReceivesNews", "1");
            customer.put("ExportToWSI", "1");
            customerId = customers.create(customer).id();
        } else {
            Optional<Integer> existing = parseInt(f.get("CustomerId")).filter(id -> customers.find(id).isPresent());
            if (existing.isEmpty()) {
                return ResponseDocument.error("Customer " + f.get("CustomerId") + " does not exist");
            }
            customerId = existing.get();
        }
        String orderId = "16-%08d".formatted(nextOrder.getAndIncrement());
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("OrderId", orderId);
        stored.put("CustomerId", String.valueOf(customerId));
        stored.put("DateCreated", f.getOrDefault("DateCreated", ""));
        stored.put("OrderStatus", f.get("OrderStatus"));
        String billName = (f.getOrDefault("BillFirstName", "") + " " + f.getOrDefault("BillLastName", "")).strip();
        stored.put("BillName", billName);
        f.forEach((k, v) -> {
            if ((k.startsWith("Bill") || k.startsWith("Del")) && !k.equals("BillFirstName") && !k.equals("BillLastName")) {
                stored.put(k, v);
            }
        });
        stored.put("FreightTotal", f.getOrDefault("FreightTotal", "0"));
        stored.put("PublicComments", f.getOrDefault("PublicComments", ""));
        stored.put("PrivateComments", f.getOrDefault("PrivateComments", ""));
        List<Map<String, String>> items = new ArrayList<>();
        for (Map<String, String> line : lines) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("OrderItemId", String.valueOf(nextItem.getAndIncrement()));
            item.put("OrderId", orderId);
            item.put("ProductId", line.get("ProductId"));
            item.put("QtyOrdered", line.getOrDefault("QtyOrdered", "0"));
            item.put("QtyFulfilled", line.getOrDefault("QtyFulfilled", "0"));
            item.put("UnitPrice", line.getOrDefault("UnitPrice", "0"));
            items.add(item);
        }
        orders.put(orderId, new StoredOrder(orderId, stored, items, List.of(), List.of()));
        ResponseDocument response = new ResponseDocument();
        Element data = response.child(response.root(), "Data");
        response.text(response.child(data, "Customer"), "CustomerId", String.valueOf(customerId));
        response.text(response.child(data, "Order"), "OrderId", orderId);
        response.child(data, "OrderItems");
        response.child(data, "OrderPayments");
        return response.root();
    }

    /** Adds the payment with a new id; RE answers without that id (the client re-reads the order). */
    Element addPayment(String paymentXml) {
        received.add(Map.entry("OrderAddPayment",
                new RetailExpressSimulator.ReceivedDocument(java.time.Instant.now(), null, paymentXml, null)));
        Element payment;
        try {
            payment = record(paymentXml, "OrderPayment");
        } catch (IllegalArgumentException e) {
            return ResponseDocument.error(e.getMessage());
        }
        Map<String, String> f = fields(payment);
        String orderId = f.getOrDefault("OrderId", "").strip();
        if (f.getOrDefault("Amount", "").isBlank() || parseInt(f.get("MethodId")).isEmpty()) {
            return ResponseDocument.error("A payment needs a MethodId and an Amount");
        }
        String paymentId = String.valueOf(nextPayment.getAndIncrement());
        StoredOrder updated = orders.compute(orderId, (id, stored) -> Optional.ofNullable(stored)
                .or(() -> generated.order(id))
                .map(order -> order.withPayment(OrderFixtures.payment(paymentId, id, f.get("MethodId").strip(),
                        f.getOrDefault("DateCreated", ""), f.get("Amount").strip())))
                .orElse(null));
        if (updated == null) {
            return ResponseDocument.error("Order not found");
        }
        ResponseDocument response = new ResponseDocument();
        response.text(response.child(response.root(), "OrderPayment"), "Result", "Success");
        return response.root();
    }

    /** The OrderItemIds of an order RE holds (created through OrderCreateByChannel or generated), in line order. */
    List<Integer> itemIds(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).or(() -> generated.order(orderId))
                .map(order -> order.items().stream().map(item -> Integer.parseInt(item.get("OrderItemId"))).toList())
                .orElse(List.of());
    }

    List<Integer> paymentIds(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).or(() -> generated.order(orderId))
                .map(order -> order.payments().stream().map(p -> Integer.parseInt(p.get("OrderPaymentId"))).toList())
                .orElse(List.of());
    }

    List<RetailExpressSimulator.ReceivedDocument> received(String operation) {
        synchronized (received) {
            return received.stream().filter(e -> e.getKey().equals(operation)).map(Map.Entry::getValue).toList();
        }
    }

    /** A fulfilment made in RE: the line's QtyFulfilled grows with it. Unknown order or line: IllegalArgumentException. */
    int fulfil(String orderId, int orderItemId, java.math.BigDecimal qty, java.time.LocalDateTime at) {
        int id = nextFulfillment.getAndIncrement();
        Map<String, String> fulfillment = new LinkedHashMap<>();
        fulfillment.put("FulfillmentID", String.valueOf(id));
        fulfillment.put("OrderId", orderId);
        fulfillment.put("OrderItemId", String.valueOf(orderItemId));
        fulfillment.put("DateFulfilled", java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.withNano(0)));
        fulfillment.put("QtyFulfilled", qty.toPlainString());
        orders.compute(orderId, (key, stored) -> {
            StoredOrder order = Optional.ofNullable(stored).or(() -> generated.order(key))
                    .orElseThrow(() -> new IllegalArgumentException("No order " + key));
            List<Map<String, String>> items = new ArrayList<>();
            boolean found = false;
            for (Map<String, String> item : order.items()) {
                Map<String, String> copy = new LinkedHashMap<>(item);
                if (copy.get("OrderItemId").equals(String.valueOf(orderItemId))) {
                    found = true;
                    copy.put("QtyFulfilled", new java.math.BigDecimal(copy.get("QtyFulfilled")).add(qty).toPlainString());
                }
                items.add(copy);
            }
            if (!found) {
                throw new IllegalArgumentException("Order " + key + " has no line " + orderItemId);
            }
            List<Map<String, String>> fulfillments = new ArrayList<>(order.fulfillments());
            fulfillments.add(fulfillment);
            return new StoredOrder(key, order.fields(), items, order.payments(), fulfillments);
        });
        return id;
    }

    /** A payment taken in RE on an order. */
    int pay(String orderId, int methodId, java.math.BigDecimal amount, java.time.LocalDateTime at) {
        String paymentId = String.valueOf(nextPayment.getAndIncrement());
        orders.compute(orderId, (key, stored) -> Optional.ofNullable(stored).or(() -> generated.order(key))
                .map(order -> order.withPayment(OrderFixtures.payment(paymentId, key, String.valueOf(methodId),
                        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.withNano(0)), amount.toPlainString())))
                .orElseThrow(() -> new IllegalArgumentException("No order " + key)));
        return Integer.parseInt(paymentId);
    }

    /** A payment deleted in RE (a back-office correction); false when the order has no such payment. */
    boolean removePayment(String orderId, int paymentId) {
        java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();
        orders.computeIfPresent(orderId, (key, order) -> {
            List<Map<String, String>> kept = order.payments().stream()
                    .filter(p -> !String.valueOf(paymentId).equals(p.get("OrderPaymentId"))).toList();
            removed.set(kept.size() < order.payments().size());
            return new StoredOrder(key, order.fields(), order.items(), kept, order.fulfillments());
        });
        return removed.get();
    }

    /** The stored order, else the generated one. */
    private StoredOrder find(String orderId) {
        StoredOrder stored = orders.get(orderId);
        return stored != null ? stored : generated.order(orderId).orElse(null);
    }

    private static void fill(ResponseDocument response, Element record, Map<String, String> fields) {
        fields.forEach((name, value) -> response.text(record, name, value));
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> fields(Element record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node node = record.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && !"OrderItems".equals(child.getNodeName())) {
                fields.put(child.getNodeName(), child.getTextContent());
            }
        }
        return fields;
    }

    /** The first {@code name} element of a request document passed as a string. */
    static Element record(String xml, String name) {
        if (xml == null || xml.isBlank()) {
            throw new IllegalArgumentException("The request document is empty");
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("The request document is not well-formed XML: " + e.getMessage());
        }
        if (name.equals(root.getNodeName())) {
            return root;
        }
        var found = root.getElementsByTagName(name);
        if (found.getLength() == 0) {
            throw new IllegalArgumentException("The request document has no " + name + " element");
        }
        return (Element) found.item(0);
    }
}
