package com.skylinksync.sandbox.retailexpress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer as the simulated RE database holds it: RE's own field names (those of GetCustomers and
 * CustomerCreateUpdate) to their values, so whatever a client writes can be read back unchanged.
 * Postcodes are held trimmed and padded only on the way out, as RE does.
 */
record StoredCustomer(int id, Map<String, String> fields) {

    /** The order GetCustomers renders the fields in (reference 7.1 plus the Del* fields the SDK also reads). */
    static final List<String> RENDERED_FIELDS = List.of("BillFirstName", "BillLastName", "BillEmail", "BillCompany",
            "BillAddress", "BillAddress2", "BillSuburb", "BillState", "BillPostCode", "BillCountry", "BillPhone",
            "BillFax", "DelName", "DelCompany", "DelAddress", "DelAddress2", "DelSuburb", "DelState", "DelPostCode",
            "DelCountry", "DelPhone", "ReceivesNews", "PriceGroupId", "FixedPriceGroupId", "LoyaltyPointsAvailable");

    StoredCustomer {
        fields = Map.copyOf(fields);
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** This customer with the given fields overwritten, as an update through CustomerCreateUpdate does. */
    StoredCustomer with(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(fields);
        merged.putAll(changes);
        return new StoredCustomer(id, merged);
    }

    /** Counted by GetCustomerIds(OnlyCustomersForExport=true): RE's "export to web store" flag. */
    boolean exportedToWeb() {
        return "1".equals(field("ExportToWSI").strip());
    }

    boolean hasEmail() {
        return !field("BillEmail").isBlank();
    }
}
