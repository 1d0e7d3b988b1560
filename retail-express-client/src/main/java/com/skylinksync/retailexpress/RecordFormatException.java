package com.skylinksync.retailexpress;

/** A record in an RE result document that cannot be mapped; the client turns it into a Business failure of its call. */
final class RecordFormatException extends RuntimeException {

    RecordFormatException(String message) {
        super(message);
    }
}
