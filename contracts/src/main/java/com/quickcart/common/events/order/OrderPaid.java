package com.quickcart.common.events.order;

import com.quickcart.common.events.EventContract;

/** The order's payment is confirmed: delivery hands over the reserved goods. */
@EventContract(type = "OrderPaid")
public record OrderPaid(String orderId, long userId) {
}
