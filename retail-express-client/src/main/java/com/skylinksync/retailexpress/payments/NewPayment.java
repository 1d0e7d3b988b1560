package com.skylinksync.retailexpress.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment to add to an RE order ({@code OrderAddPayment}). A voucher payment names the voucher and the payment
 * method configured for vouchers: the SDK never set the method on voucher payments and crashed serialising them
 * (reference 8); the method id is required here so that cannot happen.
 */
public record NewPayment(String orderId, int methodId, BigDecimal amount, Instant madeAt, String voucherCode) {

    public NewPayment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(madeAt, "madeAt");
        if (voucherCode != null && voucherCode.isBlank()) {
            voucherCode = null;
        }
    }

    public static NewPayment normal(String orderId, int methodId, BigDecimal amount, Instant madeAt) {
        return new NewPayment(orderId, methodId, amount, madeAt, null);
    }

    public static NewPayment withVoucher(String orderId, int voucherMethodId, BigDecimal amount, Instant madeAt,
                                         String voucherCode) {
        Objects.requireNonNull(voucherCode, "voucherCode");
        return new NewPayment(orderId, voucherMethodId, amount, madeAt, voucherCode);
    }

    public boolean usesVoucherCode() {
        return voucherCode != null;
    }
}
