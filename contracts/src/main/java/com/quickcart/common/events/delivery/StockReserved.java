package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

@EventContract(type = "StockReserved")
public record StockReserved(String orderId, long productId, int quantity) {
}
