package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

import java.util.List;

/**
 * The goods of a paid order, for the notifier to send. {@code items} are secrets: they are
 * never logged, and only the notifier reads them. {@code resend} marks a customer's re-send.
 */
@EventContract(type = "ItemsDelivered")
public record ItemsDelivered(String orderId, long userId, long chatId, String language, String productName,
                             List<String> items, boolean resend) {

    @Override
    public String toString() {
        return "ItemsDelivered[orderId=" + orderId + ", items=" + items.size() + " hidden, resend=" + resend + "]";
    }
}
