package com.quickcart.common.events.order;

import com.quickcart.common.events.EventContract;

/** Step 1 of the checkout saga: an order exists (PENDING) and needs stock. Amounts in whole rupiah. */
@EventContract(type = "OrderPlaced")
public record OrderPlaced(String orderId, long userId, long productId, String productName,
                          int quantity, long unitPrice, long discount, String voucherCode, long total,
                          PaymentMethod paymentMethod) {
}
