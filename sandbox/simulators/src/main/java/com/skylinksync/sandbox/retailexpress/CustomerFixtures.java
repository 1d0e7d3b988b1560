package com.skylinksync.sandbox.retailexpress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The customers of the reference's Behat data (reference 3.1 and 7.1). */
final class CustomerFixtures {

    private CustomerFixtures() {
    }

    static List<StoredCustomer> all() {
        return List.of(joeyBloggs(), sarahBloggs());
    }

    /** Customer 300000 exactly as reference 7.1. */
    static StoredCustomer joeyBloggs() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("BillFirstName", "Joey");
        f.put("BillLastName", "Bloggs");
        f.put("BillEmail", "joe@testing.com");
        f.put("BillCompany", "Sample Company");
        f.put("BillAddress", "Unit 5");
        f.put("BillAddress2", "192 Ann St");
        f.put("BillSuburb", "Brisbane");
        f.put("BillState", "Queensland");
        f.put("BillPostCode", "4000");
        f.put("BillCountry", "Australia");
        f.put("BillPhone", "(07) 1111 1111");
        f.put("DelName", "Joey Bloggs");
        f.put("ReceivesNews", "1");
        f.put("PriceGroupId", "2");
        f.put("LoyaltyPointsAvailable", "0");
        f.put("ExportToWSI", "1");
        return new StoredCustomer(300000, f);
    }

    /**
     * Customer 300001: the reference only says "Sarah Bloggs, minimal data". The email is INVENTED here (the
     * reference gives none) so that GetCustomerIds(OnlyCustomersWithEmails) lists her too.
     */
    static StoredCustomer sarahBloggs() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("BillFirstName", "Sarah");
        f.put("BillLastName", "Bloggs");
        f.put("BillEmail", "sarah@testing.com");
        f.put("ReceivesNews", "0");
        f.put("ExportToWSI", "1");
        return new StoredCustomer(300001, f);
    }
}
