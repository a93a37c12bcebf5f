package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/** Items of a product still available, keyed by product id: order-service projects it for display. */
@EventContract(type = "StockLevelChanged")
public record StockLevelChanged(long productId, int available) {
}
