package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/** Not enough items for the order: nothing was reserved. */
@EventContract(type = "StockRejected")
public record StockRejected(String orderId, long productId, int requested, int available) {
}
