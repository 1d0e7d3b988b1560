package com.skylinksync.retailexpress.orders;

/** What {@code OrderCreateByChannel} answered: the new order id and its customer (new or existing). */
public record CreatedOrder(String orderId, int customerId) {
}
