package com.skylinksync.customers.outbound;

/**
 * A push that cannot go on now for reasons that are not the customer's (RE or Magento unavailable, throttled, the
 * credentials refused): the poll stops at this customer and the high-water mark stays at it, so the next poll retries.
 */
final class PushStalled extends RuntimeException {

    PushStalled(String message, Throwable cause) {
        super(message, cause);
    }
}
