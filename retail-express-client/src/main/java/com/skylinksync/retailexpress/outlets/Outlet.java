package com.skylinksync.retailexpress.outlets;

import java.util.Objects;

/** An outlet (store) of a sales channel, from {@code GetOutletsByChannel}. */
public record Outlet(int id, String name, OutletAddress address, String phone, String fax) {

    public Outlet {
        name = name == null ? "" : name;
        Objects.requireNonNull(address, "address");
        phone = phone == null ? "" : phone;
        fax = fax == null ? "" : fax;
    }
}
