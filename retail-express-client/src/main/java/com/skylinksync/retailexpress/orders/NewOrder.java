package com.skylinksync.retailexpress.orders;

import com.skylinksync.retailexpress.Contact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order to create in RE with {@code OrderCreateByChannel}: either for an existing customer or, with a password,
 * for a customer RE creates with it. Immutable; the {@code with*} methods return copies. RE takes one delivery method
 * and driver per order and copies them onto every line; a fulfilment outlet only makes sense for a pickup method.
 */
public record NewOrder(Instant createdAt, OrderStatus status, Integer customerId, String password, String email,
                       Contact billing, Contact shipping, BigDecimal freightTotal, String publicComments,
                       String privateComments, DeliveryMethod deliveryMethod, String deliveryDriverName,
                       Integer fulfilmentOutletId, List<NewOrderItem> items) {

    public NewOrder {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        if ((customerId == null) == (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("An order is either for an existing customer or for a new customer"
                    + " with a password, not " + (customerId == null ? "neither" : "both"));
        }
        email = email == null ? "" : email;
        billing = billing == null ? Contact.EMPTY : billing;
        shipping = shipping == null ? Contact.EMPTY : shipping;
        freightTotal = freightTotal == null ? BigDecimal.ZERO : freightTotal;
        publicComments = publicComments == null ? "" : publicComments;
        privateComments = privateComments == null ? "" : privateComments;
        deliveryMethod = deliveryMethod == null ? DeliveryMethod.HOME : deliveryMethod;
        if (fulfilmentOutletId != null && !deliveryMethod.isPickupLater()) {
            throw new IllegalArgumentException("A fulfilment outlet needs a pickup-later delivery method (warehouse or"
                    + " store), not " + deliveryMethod);
        }
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one item");
        }
    }

    public static NewOrder forCustomer(int customerId, Instant createdAt, OrderStatus status, String email,
                                       Contact billing, Contact shipping, BigDecimal freightTotal,
                                       List<NewOrderItem> items) {
        return new NewOrder(createdAt, status, customerId, null, email, billing, shipping, freightTotal, "", "",
                DeliveryMethod.HOME, null, null, items);
    }

    public static NewOrder forNewCustomer(String password, Instant createdAt, OrderStatus status, String email,
                                          Contact billing, Contact shipping, BigDecimal freightTotal,
                                          List<NewOrderItem> items) {
        return new NewOrder(createdAt, status, null, Objects.requireNonNull(password, "password"), email, billing,
                shipping, freightTotal, "", "", DeliveryMethod.HOME, null, null, items);
    }

    public NewOrder withDelivery(DeliveryMethod method, String driverName) {
        return new NewOrder(createdAt, status, customerId, password, email, billing, shipping, freightTotal,
                publicComments, privateComments, method, driverName, fulfilmentOutletId, items);
    }

    public NewOrder withFulfilmentOutlet(int outletId) {
        return new NewOrder(createdAt, status, customerId, password, email, billing, shipping, freightTotal,
                publicComments, privateComments, deliveryMethod, deliveryDriverName, outletId, items);
    }

    public NewOrder withComments(String publicText, String privateText) {
        return new NewOrder(createdAt, status, customerId, password, email, billing, shipping, freightTotal,
                publicText, privateText, deliveryMethod, deliveryDriverName, fulfilmentOutletId, items);
    }

    /** Σ qty × unit price + freight: RE's OrderTotal, computed by the sender. */
    public BigDecimal total() {
        return items.stream().map(NewOrderItem::total).reduce(freightTotal, BigDecimal::add);
    }

    public boolean isForNewCustomer() {
        return customerId == null;
    }

    @Override
    public String toString() {
        return "NewOrder[customerId=" + customerId + ", createdAt=" + createdAt + ", status=" + status
                + ", items=" + items.size() + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
