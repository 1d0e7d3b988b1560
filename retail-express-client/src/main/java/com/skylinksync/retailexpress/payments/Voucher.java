package com.skylinksync.retailexpress.payments;

import java.math.BigDecimal;
import java.util.Objects;

/** A gift voucher with a positive balance. RE reports a spent voucher like an unknown one, so neither becomes a Voucher. */
public record Voucher(String code, BigDecimal balance) {

    public Voucher {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(balance, "balance");
    }
}
