package com.skylinksync.retailexpress.orders;

import com.skylinksync.retailexpress.Contact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RE order as {@code GetOrder} returns it (reference 3.8), with its items, payments and fulfilments. The freight
 * tax rate is not returned by RE. The total is computed here, as RE does not send one.
 */
public record Order(String id, Integer customerId, Instant createdAt, OrderStatus status, String email,
                    Contact billing, Contact shipping, BigDecimal freightTotal, String publicComments,
                    String privateComments, List<OrderItem> items, List<Payment> payments,
                    List<Fulfillment> fulfillments) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        email = email == null ? "" : email;
        billing = billing == null ? Contact.EMPTY : billing;
        shipping = shipping == null ? Contact.EMPTY : shipping;
        freightTotal = freightTotal == null ? BigDecimal.ZERO : freightTotal;
        publicComments = publicComments == null ? "" : publicComments;
        privateComments = privateComments == null ? "" : privateComments;
        items = List.copyOf(items);
        payments = List.copyOf(payments);
        fulfillments = List.copyOf(fulfillments);
    }

    /** Σ qty ordered × unit price + freight. */
    public BigDecimal total() {
        return items.stream().map(OrderItem::total).reduce(freightTotal, BigDecimal::add);
    }

    public BigDecimal totalPaid() {
        return payments.stream().map(Payment::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Paid when nothing is left to pay; an overpaid order counts as paid. */
    public boolean isPaid() {
        return total().subtract(totalPaid()).signum() <= 0;
    }

    /** Every line fulfilled. An order without lines is not fulfilled: there is nothing to ship. */
    public boolean isFulfilled() {
        return !items.isEmpty() && items.stream().allMatch(i -> i.qty().isFulfilled());
    }

    /** The payment with the highest id: the one added last. */
    public Optional<Payment> latestPayment() {
        return payments.stream().max(Comparator.comparingInt(Payment::id));
    }

    public List<FulfillmentBatch> fulfillmentBatches(BatchThreshold threshold) {
        return FulfillmentBatch.group(fulfillments, threshold);
    }
}
