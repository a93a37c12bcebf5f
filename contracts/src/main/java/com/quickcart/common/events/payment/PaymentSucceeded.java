package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;
import com.quickcart.common.events.order.PaymentMethod;

/** Money confirmed (QRIS verified with Pakasir's detail API, or balance debited). */
@EventContract(type = "PaymentSucceeded")
public record PaymentSucceeded(String paymentId, PaymentPurpose purpose, long userId, long amount, PaymentMethod method) {
}
