package com.skylinksync.retailexpress.products;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.pricing.Pricing;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * One RE product as {@code GetProductsByChannel} gives it (reference 3.5), with the name and prices already taken from
 * the fields the {@link ProductMapping} chose. {@code manufacturerSku} is RE's {@code Code} ('' when none).
 */
public record Product(int id, String sku, String manufacturerSku, String name, String description, Pricing pricing,
                      Inventory inventory, PackageSize packageSize, List<AttributeOption> options) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        manufacturerSku = manufacturerSku == null ? "" : manufacturerSku;
        description = description == null ? "" : description;
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(packageSize, "packageSize");
        options = List.copyOf(options);
    }

    /** The first option of the code (RE may send the bare element and the {@code ...Id} one). */
    public Optional<AttributeOption> option(AttributeCode code) {
        return options.stream().filter(o -> o.code() == code).findFirst();
    }

    /** The quantity at an outlet; throws when RE gave none for it (not the same as zero). */
    public OutletQty qtyAtOutlet(int outletId) {
        return inventory.atOutlet(outletId).orElseThrow(() -> new NoSuchElementException(
                "Product #" + id + " does not have a quantity specified for Outlet #" + outletId));
    }
}
