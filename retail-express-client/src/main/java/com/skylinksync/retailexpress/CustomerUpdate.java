package com.skylinksync.retailexpress;

/**
 * What {@code CustomerCreateUpdate} sends: an existing customer when {@code id} is set, otherwise a new one
 * registered with {@code password}. Written in RE's exact element order, countries as names, {@code ExportToWSI=1}.
 */
public record CustomerUpdate(Integer id, String password, String email, Contact billing, Contact shipping,
                             boolean receivesNews) {

    public CustomerUpdate {
        if (id == null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("A new Retail Express customer needs a password");
        }
    }

    public boolean isNew() {
        return id == null;
    }

    @Override
    public String toString() { // never print the password
        return "CustomerUpdate[id=" + id + ", email=" + email + ", new=" + isNew() + "]";
    }
}
