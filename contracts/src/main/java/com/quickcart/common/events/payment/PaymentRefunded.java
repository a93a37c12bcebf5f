package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/** Money arrived for a payment that had already ended (late QRIS payment): credited to the balance instead. */
@EventContract(type = "PaymentRefunded")
public record PaymentRefunded(String paymentId, long userId, long amount) {
}
