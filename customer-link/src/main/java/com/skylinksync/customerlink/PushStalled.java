package com.skylinksync.customerlink;

/**
 * A push that cannot go on now for reasons that are not the customer's (RE or Magento unavailable, throttled, the
 * credentials refused): the poll stops at this customer and the high-water mark stays at it, so the next poll retries.
 */
public final class PushStalled extends RuntimeException {

    public PushStalled(String message, Throwable cause) {
        super(message, cause);
    }
}
