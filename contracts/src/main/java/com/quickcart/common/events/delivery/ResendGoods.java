package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/** Command on delivery.commands: send a completed order's goods again (from order history). */
@EventContract(type = "ResendGoods")
public record ResendGoods(String orderId) {
}
