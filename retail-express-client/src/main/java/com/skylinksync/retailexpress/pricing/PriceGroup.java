package com.skylinksync.retailexpress.pricing;

import com.skylinksync.retailexpress.PriceGroupKey;
import java.util.Objects;

/** A price group from {@code GetAllPriceGroups}: ids are unique per type only, hence the (type, id) key. */
public record PriceGroup(PriceGroupKey key, String name) {

    public PriceGroup {
        Objects.requireNonNull(key, "key");
        name = name == null ? "" : name;
    }
}
