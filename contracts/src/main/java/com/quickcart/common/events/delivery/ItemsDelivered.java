package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/**
 * A paid order's goods, for order-service to hand to its customer (as a
 * {@link com.quickcart.common.events.telegram.GoodsDelivery} command). The goods travel only
 * sealed for the notifier ({@code goods}, bound to this event's id and the order id): every other
 * reader of delivery.events, its dead letters, delivery's and order-service's outboxes sees
 * {@code itemCount} and ids, never an item. {@code resend} marks a customer's re-send. Version 2:
 * version 1 carried the items in clear.
 */
@EventContract(type = "ItemsDelivered", version = 2)
public record ItemsDelivered(String orderId, long userId, String productName, int itemCount, SealedGoods goods, boolean resend) {

    @Override
    public String toString() {
        return "ItemsDelivered[orderId=" + orderId + ", items=" + itemCount + " sealed, resend=" + resend + "]";
    }
}
