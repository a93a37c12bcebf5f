package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;
import com.quickcart.common.events.order.PaymentMethod;

/**
 * Command on payment.commands: collect {@code amount} for an order (after its stock is reserved)
 * or a deposit. {@code paymentId} is the order or deposit id, and Pakasir's order_id.
 */
@EventContract(type = "PaymentRequested")
public record PaymentRequested(String paymentId, PaymentPurpose purpose, long userId, long amount, PaymentMethod method) {
}
