package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/** Command on delivery.commands (keyed by product id): an operator takes up to {@code quantity} unsold items off sale. */
@EventContract(type = "WithdrawStock")
public record WithdrawStock(String requestId, long productId, int quantity, long operatorId) {
}
