package com.skylinksync.fulfillment;

import com.skylinksync.retailexpress.orders.DeliveryMethod;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order loop's settings ({@code skylink.orders.*}), the original extension's order settings (reference 5.1).
 *
 * @param salesChannelId       the RE sales channel of the store's website: orders are placed on it, its outlets kept
 * @param guestCustomerId      the RE customer guest orders are placed on ({@code checkout/options/skylink_guest_customer_id});
 *                             unset, a guest order is refused (dead-lettered) naming this setting
 * @param itemDeliveryMethod   RE delivery method of orders shipped to the customer (home, warehouse, store, cash_carry)
 * @param pickupDeliveryMethod RE delivery method of Click & Collect orders ({@code skylinkpickup_outlet_<id>}); a
 *                             pickup-later method (store or warehouse), as the outlet is written with it
 * @param paymentMethods       Magento payment method code → RE payment method id (from {@code GetPaymentMethods}); an
 *                             invoice of an unmapped method is refused naming {@code skylink.orders.payment-methods.<code>}
 * @param batchThreshold       seconds after a batch's first fulfilment that later ones still join it (RE's 300)
 * @param poll                 polling Magento for orders and invoices
 */
@ConfigurationProperties("skylink.orders")
public record OrderSettings(@DefaultValue("1") int salesChannelId,
                            Integer guestCustomerId,
                            @DefaultValue("home") String itemDeliveryMethod,
                            @DefaultValue("store") String pickupDeliveryMethod,
                            Map<String, Integer> paymentMethods,
                            @DefaultValue("300") int batchThreshold,
                            @DefaultValue Poll poll) {

    public OrderSettings {
        paymentMethods = paymentMethods == null ? Map.of() : Map.copyOf(paymentMethods);
        deliveryMethod(itemDeliveryMethod, "item-delivery-method");
        if (!deliveryMethod(pickupDeliveryMethod, "pickup-delivery-method").isPickupLater()) {
            throw new IllegalArgumentException("skylink.orders.pickup-delivery-method must be store or warehouse: "
                    + pickupDeliveryMethod);
        }
        if (batchThreshold < 0) {
            throw new IllegalArgumentException("skylink.orders.batch-threshold cannot be negative");
        }
    }

    public DeliveryMethod homeDelivery() {
        return deliveryMethod(itemDeliveryMethod, "item-delivery-method");
    }

    public DeliveryMethod pickupDelivery() {
        return deliveryMethod(pickupDeliveryMethod, "pickup-delivery-method");
    }

    /**
     * @param enabled   poll Magento and push orders and invoices (off: nothing is pushed; RE → Magento still runs)
     * @param interval  pause between polls
     * @param pageSize  entities per Magento search page
     * @param lease     how long one pod holds the right to poll (longer than a poll)
     * @param startFrom where a first-ever poll starts ({@code yyyy-MM-dd HH:mm:ss}, UTC); unset, the first start
     */
    public record Poll(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration interval,
                       @DefaultValue("100") int pageSize, @DefaultValue("2m") Duration lease, String startFrom) {

        public Poll {
            if (interval.isNegative() || interval.isZero() || pageSize < 1 || lease.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("skylink.orders.poll: interval must be positive, page-size at least 1"
                        + " and lease longer than interval");
            }
            if (startFrom != null && !startFrom.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")) {
                throw new IllegalArgumentException("skylink.orders.poll.start-from must look like 2026-01-31 23:59:59: "
                        + startFrom);
            }
        }
    }

    private static DeliveryMethod deliveryMethod(String value, String key) {
        for (DeliveryMethod method : DeliveryMethod.values()) {
            if (method.name().equalsIgnoreCase(value)) {
                return method;
            }
        }
        throw new IllegalArgumentException("skylink.orders." + key + " must be home, warehouse, store or cash_carry: " + value);
    }
}
