package com.quickcart.common.events.order;

import com.quickcart.common.events.EventContract;

/** The order ended unpaid (expired, cancelled by the customer, payment failed): release its reservation. */
@EventContract(type = "OrderCancelled")
public record OrderCancelled(String orderId, String reason) {
}
