package com.skylinksync.sandbox.retailexpress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The small, fixed reference documents of the reference's Behat data: 6 price groups (fixed 1 VIP, standard 2 Bronze;
 * the other 4 INVENTED), the attribute groups (6 brands), 3 outlets on channel 1 (1 Maroon, 2 Blue, 3 INVENTED),
 * 25 payment methods (1 Cash; the rest INVENTED, two disabled) and voucher {@code 2ZPS40YV} worth 100.
 */
final class ReferenceOperations {

    private static final List<String[]> PRICE_GROUPS = List.of(
            new String[] {"1", "VIP", "Fixed"}, new String[] {"2", "Bronze", "Standard"},
            new String[] {"3", "Silver", "Standard"}, new String[] {"4", "Gold", "Standard"},
            new String[] {"2", "Staff", "Fixed"}, new String[] {"3", "Wholesale", "Fixed"});
    private static final List<String> BRANDS = List.of("Acme", "Billabong", "Rip Curl", "Quiksilver", "Mambo",
            "Hurley");
    private static final List<String> PAYMENT_METHODS = List.of("Cash", "Credit Card", "EFTPOS", "Cheque",
            "Gift Voucher", "PayPal", "Afterpay", "Zip Pay", "Bank Transfer", "Laybuy", "Amex", "Diners", "Visa",
            "Mastercard", "Store Credit", "Loyalty Points", "Account", "Direct Debit", "Apple Pay", "Google Pay",
            "Humm", "Openpay", "Latitude", "Gift Card (online)", "Cash on Delivery");
    private static final Map<String, BigDecimal> VOUCHERS = Map.of("2ZPS40YV", new BigDecimal("100.00"),
            "SPENT0000", BigDecimal.ZERO);

    Element getAllPriceGroups() {
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "PriceGroups");
        for (String[] group : PRICE_GROUPS) {
            Element record = response.child(list, "PriceGroup");
            response.text(record, "ID", group[0]);
            response.text(record, "Name", group[1]);
            response.text(record, "PriceGroupType", group[2]);
        }
        return response.root();
    }

    /** The groups of reference 7.6's attributes example, with the ids the fixture products use. */
    Element getAllProductAttributes() {
        ResponseDocument response = new ResponseDocument();
        Element root = response.root();
        Element brands = response.child(root, "Brands");
        for (int i = 0; i < BRANDS.size(); i++) {
            option(response, brands, "Brand", String.valueOf(i + 1), BRANDS.get(i));
        }
        Element colours = response.child(root, "Colours");
        option(response, colours, "Colour", "12", "Black");
        option(response, colours, "Colour", "14", "White");
        // Two more colours than the reference's example, for the generated catalogue's matrices of up to 12.
        option(response, colours, "Colour", "15", "Navy");
        option(response, colours, "Colour", "16", "Red");
        Element sizes = response.child(root, "Sizes");
        for (String size : List.of("S", "M", "L")) {
            option(response, sizes, "Size", size, size);
        }
        Element seasons = response.child(root, "Seasons");
        option(response, seasons, "Season", "1", "Summer 2017");
        option(response, seasons, "Season", "2", "Winter 2017");
        Element types = response.child(root, "ProductTypes");
        option(response, types, "ProductType", "2", "Apparel");
        option(response, types, "ProductType", "5", "Accessories");
        Element customs = response.child(root, "Customs");
        response.text(response.child(customs, "Custom1"), "Value", "Cotton");
        response.text(response.child(customs, "Custom1"), "Value", "Wool");
        response.text(response.child(customs, "Custom2"), "Value", "Made in Australia");
        return root;
    }

    Element getOutletsByChannel(Integer channelId) {
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "Outlets");
        if (channelId == null || channelId != ProductFixtures.CHANNEL) {
            return response.root();
        }
        outlet(response, list, "1", "Maroon Outlet", "Shop 1", "100 Queen St", "Brisbane", "Queensland", "4000");
        outlet(response, list, "2", "Blue Outlet", "Level 2", "200 George St", "Sydney", "New South Wales", "2000");
        outlet(response, list, "3", "Green Outlet", "", "300 Collins St", "Melbourne", "Victoria", "3000");
        return response.root();
    }

    /** Every method enabled except 24 and 25; RE writes the flag as "true"/"false". */
    Element getPaymentMethods() {
        ResponseDocument response = new ResponseDocument();
        Element list = response.child(response.root(), "PaymentMethods");
        for (int i = 0; i < PAYMENT_METHODS.size(); i++) {
            Element record = response.child(list, "PaymentMethod");
            response.text(record, "ID", String.valueOf(i + 1));
            response.text(record, "Name", PAYMENT_METHODS.get(i));
            response.text(record, "Enabled", i < 23 ? "true" : "false");
        }
        return response.root();
    }

    /** {@code <Response><Amount>100.00</Amount></Response>}; RE answers an unknown voucher with 0. */
    Element getVoucherBalance(String code) {
        ResponseDocument response = new ResponseDocument();
        BigDecimal balance = code == null ? BigDecimal.ZERO : VOUCHERS.getOrDefault(code.strip(), BigDecimal.ZERO);
        response.text(response.root(), "Amount", balance.toPlainString());
        return response.root();
    }

    private static void option(ResponseDocument response, Element group, String name, String id, String label) {
        Element option = response.child(group, name);
        response.text(option, name + "Id", id);
        response.text(option, name + "Name", label);
    }

    private static void outlet(ResponseDocument response, Element list, String id, String name, String address1,
                               String address2, String suburb, String state, String postcode) {
        Element record = response.child(list, "Outlet");
        response.text(record, "OutletId", id);
        response.text(record, "OutletName", name);
        response.text(record, "Address1", address1);
        response.text(record, "Address2", address2);
        response.text(record, "Address3", "");
        response.text(record, "Suburb", suburb);
        response.text(record, "State", state);
        response.text(record, "Postcode", postcode);
        response.text(record, "Country", "Australia");
        response.text(record, "Phone", "(07) 3000 000" + id);
        response.text(record, "Fax", "");
    }
}
