package com.skylinksync.sandbox.retailexpress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The products of the reference's Behat data (reference 3.5, 7.3, 7.4): 124005, 124006, the matrix 124007..124012
 * sharing {@code BSS-THAW16}, and simple products 124013..124023 INVENTED so that channel 1 lists 19 ids in total,
 * as the Behat feature expects. Values the reference marks illustrative are taken from its examples.
 */
final class ProductFixtures {

    static final int CHANNEL = 1;
    static final int OTHER_CHANNEL = 2;
    static final String MATRIX_CODE = "BSS-THAW16";

    private ProductFixtures() {
    }

    static List<StoredProduct> all() {
        List<StoredProduct> products = new ArrayList<>();
        products.add(beanie());
        products.add(scarf());
        products.addAll(thawTees());
        for (int i = 0; i < 11; i++) {
            products.add(padding(124013 + i, i));
        }
        return products;
    }

    /** 124005: SKU HB0011OSFA, manufacturer SKU HB0011; on channels 1 and 2. */
    static StoredProduct beanie() {
        Map<String, String> f = base(124005, "HB0011OSFA", "HB0011", "Beanie", "19.95");
        f.put("ManageStock", "true");
        f.put("StockAvailable", "10");
        f.put("StockOnOrder", "30");
        f.put("Weight", "0.1");
        f.put("BrandId", "1");
        f.put("ProductTypeId", "5");
        return new StoredProduct(124005, Set.of(CHANNEL, OTHER_CHANNEL), f, Map.of(), Map.of(),
                ordered(1, 4, 2, 6));
    }

    /** 124006 exactly as reference 7.3: 100 available, 0 on order, outlet 2 → 100, 3 → 0, no entry for 4; not on channel 2. */
    static StoredProduct scarf() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ProductId", "124006");
        f.put("SKU", "SC0011OSFA");
        f.put("Code", "SC0011");
        f.put("Description", "Scarf");
        f.put("WebstoreDescription", "**Warm** scarf");
        f.put("DefaultPrice", "29.95");
        f.put("RRP", "");
        f.put("PromotionalPrice", "24.95");
        f.put("PromotionStartDate", "2017-03-01T00:00:00");
        f.put("PromotionEndDate", "2017-03-31T23:59:59");
        f.put("TaxRate", "0.1");
        f.put("ManageStock", "true");
        f.put("StockAvailable", "100");
        f.put("StockOnOrder", "0");
        f.put("Weight", "0.2");
        f.put("Length", "0.3");
        f.put("Breadth", "0.2");
        f.put("Depth", "0.05");
        f.put("ShippingCubic", "");
        f.put("BrandId", "3");
        f.put("ProductTypeId", "5");
        f.put("SeasonId", "");
        f.put("SizeId", "");
        f.put("ColourId", "");
        f.put("Custom1", "");
        return new StoredProduct(124006, Set.of(CHANNEL), f, Map.of(2, "27.50"), Map.of(1, "20.00"),
                ordered(2, 100, 3, 0));
    }

    /** The matrix of reference 7.4: six tees sharing {@code BSS-THAW16}, sizes S/M/L × colours 12/14, product type 2. */
    static List<StoredProduct> thawTees() {
        String[] sizes = {"S", "M", "L"};
        String[] colours = {"12", "14"};
        List<StoredProduct> tees = new ArrayList<>();
        int id = 124007;
        for (String colour : colours) {
            for (String size : sizes) {
                String sku = MATRIX_CODE + "-" + size + "-" + ("12".equals(colour) ? "BLK" : "WHT");
                Map<String, String> f = base(id, sku, MATRIX_CODE, "Thaw Tee", "49.95");
                f.put("ManageStock", "true");
                f.put("StockAvailable", String.valueOf(4 + tees.size()));
                f.put("BrandId", "2");
                f.put("ProductTypeId", "2");
                f.put("SizeId", size);
                f.put("ColourId", colour);
                tees.add(new StoredProduct(id, Set.of(CHANNEL), f, Map.of(2, "45.00"), Map.of(), ordered(1, 2)));
                id++;
            }
        }
        return tees;
    }

    private static StoredProduct padding(int id, int index) {
        String code = "PAD%03d".formatted(index + 1);
        Map<String, String> f = base(id, code + "OSFA", code, "Sample product " + (index + 1),
                "%d.95".formatted(10 + index));
        f.put("ManageStock", index % 3 == 0 ? "false" : "true");
        f.put("StockAvailable", String.valueOf(index * 3));
        f.put("BrandId", String.valueOf(1 + index % 6));
        return new StoredProduct(id, Set.of(CHANNEL, OTHER_CHANNEL), f, Map.of(), Map.of(), ordered(1, index));
    }

    private static Map<String, String> base(int id, String sku, String code, String description, String price) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ProductId", String.valueOf(id));
        f.put("SKU", sku);
        f.put("Code", code);
        f.put("Description", description);
        f.put("DefaultPrice", price);
        f.put("TaxRate", "0.1");
        return f;
    }

    private static Map<Integer, Integer> ordered(int... outletAndQty) {
        Map<Integer, Integer> stock = new LinkedHashMap<>();
        for (int i = 0; i < outletAndQty.length; i += 2) {
            stock.put(outletAndQty[i], outletAndQty[i + 1]);
        }
        return stock;
    }
}
