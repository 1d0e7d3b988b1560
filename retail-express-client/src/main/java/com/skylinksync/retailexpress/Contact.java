package com.skylinksync.retailexpress;

/** A named contact with an address: a customer's billing or delivery details. Empty strings, never null. */
public record Contact(String firstName, String lastName, String company, Address address, String phone, String fax) {

    public static final Contact EMPTY = new Contact("", "", "", Address.EMPTY, "", "");
}
