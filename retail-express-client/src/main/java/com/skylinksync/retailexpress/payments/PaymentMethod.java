package com.skylinksync.retailexpress.payments;

/** A payment method; RE marks it enabled only with the exact text {@code true} (reference 3.9). */
public record PaymentMethod(int id, String name, boolean enabled) {
}
