package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.pricing.Pricing;
import com.skylinksync.retailexpress.pricing.SpecialPrice;
import com.skylinksync.retailexpress.pricing.TaxRate;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.Inventory;
import com.skylinksync.retailexpress.products.InvalidMatrixException;
import com.skylinksync.retailexpress.products.Matrix;
import com.skylinksync.retailexpress.products.OutletQty;
import com.skylinksync.retailexpress.products.PackageSize;
import com.skylinksync.retailexpress.products.Product;
import com.skylinksync.retailexpress.products.ProductMapping;
import com.skylinksync.retailexpress.products.RejectedMatrix;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Maps GetProductsByChannel's {@code <Product>} records (reference 3.5) and groups them into simple products and matrices. */
final class ProductReader {

    ChannelProducts readAll(Element result, ProductMapping mapping) {
        List<Product> products = ResultElements.all(result, "Product").stream().map(p -> read(p, mapping)).toList();
        return group(products, mapping);
    }

    /** Products sharing a non-empty manufacturer SKU are one matrix; a product alone with its SKU is simple. */
    static ChannelProducts group(List<Product> products, ProductMapping mapping) {
        Map<String, List<Product>> families = new LinkedHashMap<>();
        for (Product product : products) {
            String key = product.manufacturerSku().isEmpty() ? "#" + product.id() : product.manufacturerSku();
            families.computeIfAbsent(key, k -> new ArrayList<>()).add(product);
        }
        List<Product> simple = new ArrayList<>();
        List<Matrix> matrices = new ArrayList<>();
        List<RejectedMatrix> rejected = new ArrayList<>();
        for (List<Product> family : families.values()) {
            if (family.size() == 1) {
                simple.add(family.getFirst());
                continue;
            }
            try {
                matrices.add(Matrix.of(family, mapping.matrixPolicies()));
            } catch (InvalidMatrixException e) {
                rejected.add(new RejectedMatrix(family.getFirst().manufacturerSku(),
                        family.stream().map(Product::id).toList(), e.getMessage()));
            }
        }
        return new ChannelProducts(simple, matrices, rejected);
    }

    Product read(Element record, ProductMapping mapping) {
        Fields f = new Fields(record, "Product");
        int id = f.requiredInt("ProductId");
        String name = f.stripped(mapping.nameField().element());
        if (name.isEmpty()) {
            name = f.stripped("Description");
        }
        return new Product(id, f.required("SKU"), f.stripped("Code"), name, f.text("WebstoreDescription").strip(),
                pricing(f, id, mapping), inventory(f, record), packageSize(f), options(f));
    }

    private static Pricing pricing(Fields f, int id, ProductMapping mapping) {
        BigDecimal regular = f.decimal(mapping.regularPriceField().element());
        if (regular == null) {
            regular = f.decimal("DefaultPrice");
        }
        if (regular == null) {
            throw new RecordFormatException("Product " + id + " has no price");
        }
        BigDecimal special = f.decimal(mapping.specialPriceField().element());
        if (special == null) {
            special = f.decimal("PromotionalPrice");
        }
        SpecialPrice specialPrice = null;
        if (special != null) {
            boolean timed = mapping.specialPriceField().isTimed();
            Instant from = timed ? SydneyTime.parse(f.text("PromotionStartDate")) : null;
            Instant to = timed ? SydneyTime.parse(f.text("PromotionEndDate")) : null;
            specialPrice = new SpecialPrice(special, from, to);
        }
        TaxRate taxRate;
        try {
            taxRate = TaxRate.parse(f.required("TaxRate"));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("Product " + id + ": " + e.getMessage());
        }
        Pricing.GroupPrices groups = new Pricing.GroupPrices();
        try {
            groupPrices(f, "Standard_Price_Group", PriceGroupType.STANDARD, groups);
            groupPrices(f, "Fixed_Price_Group", PriceGroupType.FIXED, groups);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("Product " + id + ": " + e.getMessage());
        }
        return new Pricing(regular, specialPrice, taxRate, groups.toMap());
    }

    private static void groupPrices(Fields f, String container, PriceGroupType type, Pricing.GroupPrices groups) {
        for (Element entry : childrenOf(f.record(), container)) {
            String price = entry.getTextContent().strip();
            if (price.isEmpty()) {
                continue;
            }
            groups.add(new PriceGroupKey(type, f.parseInt(container + "/@Id", entry.getAttribute("Id"))),
                    f.parseDecimal(container, price));
        }
    }

    private static Inventory inventory(Fields f, Element record) {
        Map<Integer, OutletQty> outlets = new LinkedHashMap<>();
        for (Element entry : childrenOf(record, "StockAvailablePerOutlet")) {
            int outlet = f.parseInt("StockAvailablePerOutlet/@Id", entry.getAttribute("Id"));
            String qty = entry.getTextContent().strip();
            // The SDK cast the text to int and kept the first entry per outlet.
            outlets.putIfAbsent(outlet, new OutletQty(outlet,
                    qty.isEmpty() ? 0 : f.parseDecimal("StockAvailablePerOutlet", qty).intValue()));
        }
        Integer onOrder = f.optionalInt("StockOnOrder");
        if (onOrder != null && onOrder < 0) {
            throw new RecordFormatException("Product stock on order is negative: " + onOrder);
        }
        return new Inventory(BooleanLike.parse("ManageStock", f.text("ManageStock")), f.optionalInt("StockAvailable"),
                onOrder, List.copyOf(outlets.values()));
    }

    private static PackageSize packageSize(Fields f) {
        return new PackageSize(f.decimalOrZero("Weight"), f.decimalOrZero("Length"), f.decimalOrZero("Breadth"),
                f.decimalOrZero("Depth"), f.decimal("ShippingCubic"));
    }

    /** For each code the bare element, then the {@code ...Id} one; each non-empty value is an option with that id. */
    private static List<AttributeOption> options(Fields f) {
        List<AttributeOption> options = new ArrayList<>();
        for (AttributeCode code : AttributeCode.values()) {
            for (String element : List.of(code.optionElement(), code.optionElement() + "Id")) {
                String value = f.stripped(element);
                if (!value.isEmpty()) {
                    options.add(new AttributeOption(code, value, value));
                }
            }
        }
        return options;
    }

    private static List<Element> childrenOf(Element record, String container) {
        List<Element> children = new ArrayList<>();
        for (Node node = record.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element c && container.equals(ResultElements.nameOf(c))) {
                for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element entry) {
                        children.add(entry);
                    }
                }
            }
        }
        return children;
    }
}
