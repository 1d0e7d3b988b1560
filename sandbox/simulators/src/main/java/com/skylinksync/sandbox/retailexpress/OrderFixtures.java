package com.skylinksync.sandbox.retailexpress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order {@code 16-00000001} exactly as reference 7.5: item 501, payments 901 (9.95, method 1) and 902 (20.00, method 2), fulfilment 77. */
final class OrderFixtures {

    private OrderFixtures() {
    }

    static StoredOrder first() {
        String id = "16-00000001";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("OrderId", id);
        f.put("CustomerId", "300000");
        f.put("DateCreated", "2017-03-20T10:15:00.000");
        f.put("OrderStatus", "Processed");
        f.put("BillName", "Joey Bloggs");
        f.put("BillEmail", "joe@testing.com");
        f.put("BillCompany", "Sample Company");
        f.put("BillAddress", "Unit 5");
        f.put("BillAddress2", "192 Ann St");
        f.put("BillSuburb", "Brisbane");
        f.put("BillState", "Queensland");
        f.put("BillPostCode", "4000");
        f.put("BillCountry", "Australia");
        f.put("BillPhone", "(07) 1111 1111");
        f.put("BillFax", "");
        f.put("DelName", "Joey Bloggs");
        f.put("DelCompany", "");
        f.put("DelAddress", "");
        f.put("DelSuburb", "");
        f.put("DelPostCode", "");
        f.put("DelCountry", "");
        f.put("FreightTotal", "10.00");
        f.put("PublicComments", "");
        f.put("PrivateComments", "");
        Map<String, String> item = Map.of("OrderItemId", "501", "OrderId", id, "ProductId", "124005",
                "QtyOrdered", "1", "QtyFulfilled", "1", "UnitPrice", "19.95");
        return new StoredOrder(id, f, List.of(ordered(item, "OrderItemId", "OrderId", "ProductId", "QtyOrdered",
                "QtyFulfilled", "UnitPrice")),
                List.of(payment("901", id, "1", "2017-03-20T10:16:00", "9.95"),
                        payment("902", id, "2", "2017-03-20T10:17:00", "20.00")),
                List.of(ordered(Map.of("FulfillmentID", "77", "OrderId", id, "OrderItemId", "501",
                        "DateFulfilled", "2017-03-21T09:00:00", "QtyFulfilled", "1"),
                        "FulfillmentID", "OrderId", "OrderItemId", "DateFulfilled", "QtyFulfilled")));
    }

    static Map<String, String> payment(String paymentId, String orderId, String methodId, String date, String amount) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("OrderPaymentId", paymentId);
        p.put("OrderId", orderId);
        p.put("MethodId", methodId);
        p.put("DateCreated", date);
        p.put("Payment", amount); // RE's quirk: the amount is a <Payment> inside the <Payment> record
        return p;
    }

    private static Map<String, String> ordered(Map<String, String> values, String... order) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : order) {
            m.put(key, values.get(key));
        }
        return m;
    }
}
