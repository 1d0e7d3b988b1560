package com.skylinksync.retailexpress.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.payments.NewPayment;
import com.skylinksync.retailexpress.pricing.TaxRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports ItemQtySpec and PaymentSpec (reference 6.1), plus the paid/fulfilled predicates and status mapping. */
class OrderRulesTest {

    private static final Instant T = Instant.parse("2017-03-20T00:00:00Z");

    @Test
    void itemQtyBounds() {
        assertThat(ItemQty.of(1, 0).fulfilled()).isZero();
        assertThat(ItemQty.of(1)).isEqualTo(new ItemQty(BigDecimal.ONE, BigDecimal.ZERO));
        assertThat(ItemQty.of(1)).hasToString("1");
        assertThatThrownBy(() -> ItemQty.of(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemQty.of(-1, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemQty.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemQty.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeQuantitiesAreReturnsWithMirroredBounds() {
        assertThat(ItemQty.of(-2, -1).isFulfilled()).isFalse();
        assertThat(ItemQty.of(-2, -2).isFulfilled()).isTrue();
        assertThat(ItemQty.of(-2).fulfilled()).isZero();
    }

    @Test
    void itemQtyEquality() {
        assertThat(ItemQty.of(1)).isEqualTo(ItemQty.of(1)).isNotEqualTo(ItemQty.of(2)).isNotEqualTo("1");
        assertThat(new ItemQty(new BigDecimal("1.0"), null)).isEqualTo(ItemQty.of(1));
    }

    @Test
    void normalPayment() {
        NewPayment payment = NewPayment.normal("1", 1, BigDecimal.TEN, T);

        assertThat(payment.orderId()).isEqualTo("1");
        assertThat(payment.methodId()).isEqualTo(1);
        assertThat(payment.madeAt()).isEqualTo(T);
        assertThat(payment.amount()).isEqualByComparingTo("10.0");
        assertThat(payment.usesVoucherCode()).isFalse();
        assertThat(payment.voucherCode()).isNull();
    }

    @Test
    void voucherPaymentCarriesTheVoucherMethod() {
        NewPayment payment = NewPayment.withVoucher("1", 5, BigDecimal.TEN, T, "voucher code");

        assertThat(payment.voucherCode()).isEqualTo("voucher code");
        assertThat(payment.usesVoucherCode()).isTrue();
        assertThat(payment.methodId()).isEqualTo(5);
        assertThatThrownBy(() -> NewPayment.withVoucher("1", 5, BigDecimal.TEN, T, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void paidWhenNothingIsLeftAndFulfilledWhenEveryLineIs() {
        OrderItem line = new OrderItem(1, 124005, ItemQty.of(1, 1), new BigDecimal("19.95"), TaxRate.NONE);
        Order unpaid = order(List.of(line), List.of(new Payment(1, "1-1", 1, T, new BigDecimal("9.95"))));
        Order paid = order(List.of(line), List.of(new Payment(1, "1-1", 1, T, new BigDecimal("9.95")),
                new Payment(2, "1-1", 2, T, new BigDecimal("20.00"))));
        Order overpaid = order(List.of(line), List.of(new Payment(1, "1-1", 1, T, new BigDecimal("50"))));

        assertThat(unpaid.isPaid()).isFalse();
        assertThat(paid.isPaid()).isTrue();
        assertThat(overpaid.isPaid()).isTrue();
        assertThat(paid.isFulfilled()).isTrue();
        assertThat(paid.latestPayment()).map(Payment::id).contains(2);
        assertThat(order(List.of(new OrderItem(1, 1, ItemQty.of(2, 1), BigDecimal.ONE, null)), List.of())
                .isFulfilled()).isFalse();
    }

    @Test
    void statusMapping() {
        assertThat(OrderStatus.PENDING.retailExpressLabel()).isEqualTo("Quote");
        assertThat(OrderStatus.PENDING_PAYMENT.retailExpressLabel()).isEqualTo("Awaiting Payment");
        assertThat(OrderStatus.PROCESSING.retailExpressLabel()).isEqualTo("Incomplete");
        assertThat(OrderStatus.COMPLETE.retailExpressLabel()).isEqualTo("Processed");
        assertThat(OrderStatus.CLOSED.retailExpressLabel()).isEqualTo("Cancelled");
        assertThat(OrderStatus.fromRetailExpress("Cancelled")).isEqualTo(OrderStatus.CANCELED);
        assertThatThrownBy(() -> OrderStatus.fromRetailExpress("Shipped")).hasMessage("Invalid V2 Status Shipped.");
    }

    @Test
    void aFulfilmentOutletNeedsAPickupMethod() {
        NewOrder order = NewOrder.forCustomer(1, T, OrderStatus.PENDING, "", Contact.EMPTY, Contact.EMPTY, null,
                List.of(new NewOrderItem(1, ItemQty.of(1), BigDecimal.ONE, TaxRate.NONE)));

        assertThatThrownBy(() -> order.withFulfilmentOutlet(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.withDelivery(DeliveryMethod.STORE, null).withFulfilmentOutlet(2).fulfilmentOutletId())
                .isEqualTo(2);
        assertThatThrownBy(() -> new NewOrder(T, OrderStatus.PENDING, 1, "pw", "", null, null, null, null, null, null,
                null, null, order.items())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Order order(List<OrderItem> items, List<Payment> payments) {
        return new Order("1-1", 1, T, OrderStatus.PROCESSING, "", null, null, BigDecimal.TEN, "", "", items,
                payments, List.of());
    }
}
