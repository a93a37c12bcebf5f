package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/**
 * A paid order's goods, for the notifier to send. The goods travel only sealed for the notifier
 * ({@code goods}, bound to this event's id and the order id): every other reader of
 * delivery.events, its dead letters and delivery's outbox sees {@code itemCount} and ids, never
 * an item. {@code resend} marks a customer's re-send. Version 2: version 1 carried the items in clear.
 */
@EventContract(type = "ItemsDelivered", version = 2)
public record ItemsDelivered(String orderId, long userId, long chatId, String language, String productName,
                             int itemCount, SealedGoods goods, boolean resend) {

    @Override
    public String toString() {
        return "ItemsDelivered[orderId=" + orderId + ", items=" + itemCount + " sealed, resend=" + resend + "]";
    }
}
