package com.skylinksync.customerlink;

import java.security.SecureRandom;

/**
 * The password a Magento customer's new Retail Express account is registered with (RE requires one; the customer
 * never uses it: Magento keeps its own). Random from a {@link SecureRandom}, 16 letters and digits (the original
 * used 8); never logged or stored.
 */
public class NewCustomerPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
