package com.skylinksync.retailexpress.products;

/** RE's products cannot form a valid matrix; the message names the products and the rule they break. */
public final class InvalidMatrixException extends IllegalArgumentException {

    public InvalidMatrixException(String message) {
        super(message);
    }
}
